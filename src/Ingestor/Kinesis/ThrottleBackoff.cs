namespace Actors.Ingestor.Kinesis;

/// <summary>How long a shard reader waits after a throttled GetRecords call: exponential from <see cref="BaseDelay"/> up to <see cref="MaxDelay"/>, with jitter.</summary>
public static class ThrottleBackoff
{
    /// <summary>The wait after the first throttled call (before jitter).</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>No wait is longer than this.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>The wait after <paramref name="attempt"/> throttled calls in a row (1 or more): between half and all of the capped exponential delay.</summary>
    public static TimeSpan Delay(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        var exponential = BaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = exponential < MaxDelay ? exponential : MaxDelay;
        return capped * (0.5 + (jitter / 2));
    }
}
