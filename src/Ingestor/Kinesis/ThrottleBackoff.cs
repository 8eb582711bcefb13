using Actors.Resilience;

namespace Actors.Ingestor.Kinesis;

/// <summary>How long a shard reader waits after throttled GetRecords calls in a row.</summary>
public static class ThrottleBackoff
{
    /// <summary>The project's <see cref="RetryBackoff"/> from 1 s, capped at 30 s.</summary>
    public static RetryBackoff Backoff { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
}
