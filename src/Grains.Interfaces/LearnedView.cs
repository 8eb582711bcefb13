namespace Actors.Grains.Interfaces;

/// <summary>What the learned rule knows about one metric of a device.</summary>
[GenerateSerializer, Immutable, Alias("learned-view")]
public sealed record LearnedView
{
    [Id(0)] public required string Metric { get; init; }

    /// <summary>Readings learned; no alert before 389.</summary>
    [Id(1)] public required long Readings { get; init; }

    /// <summary>Smallest value seen (the baseline's range).</summary>
    [Id(2)] public required double Min { get; init; }

    /// <summary>Largest value seen (the baseline's range).</summary>
    [Id(3)] public required double Max { get; init; }

    /// <summary>The usual average surprise of the series' moves, 0 to 1 (the likelihood's learned mean).</summary>
    [Id(4)] public required double TypicalSurprise { get; init; }

    /// <summary>Score of the latest reading, 0 to 1.</summary>
    [Id(5)] public required double LastScore { get; init; }
}
