namespace Actors.Grains.Interfaces;

/// <summary>What a device grain did with one batch.</summary>
[GenerateSerializer, Immutable, Alias("judge-result")]
public sealed record JudgeResult
{
    /// <summary>Readings judged.</summary>
    [Id(0)] public int Accepted { get; init; }

    /// <summary>Readings dropped because the device had already processed one at the same or a later event time.</summary>
    [Id(1)] public int Duplicates { get; init; }

    /// <summary>Every anomaly found, in the order found (already handed to the notifier).</summary>
    [Id(2)] public Anomaly[] Anomalies { get; init; } = [];

    /// <summary>Readings set aside because their event time jumped too far ahead of the device's history, unconfirmed.</summary>
    [Id(3)] public int Outliers { get; init; }

    /// <summary>The device's latest event time after the batch.</summary>
    [Id(4)] public DateTime? LastEventTime { get; init; }

    /// <summary>
    /// Nothing was judged: the device's state is older than the caller expected (it was reloaded from storage after a
    /// silo failure or a failed notification), so the caller must re-read its source from the last checkpoint.
    /// </summary>
    [Id(5)] public bool Behind { get; init; }

    /// <summary>Batches the device has taken from the caller's source; the caller passes it back with its next call.</summary>
    [Id(6)] public long Mark { get; init; }

    /// <summary>
    /// Per reading sent, in order: for a judged reading with a product, the moving range of each of its metrics to the
    /// device's previous value of it on that product (NaN for the first), for the product's moving-range chart; null
    /// for every other reading.
    /// </summary>
    [Id(7)] public double[]?[] MovingRanges { get; init; } = [];
}
