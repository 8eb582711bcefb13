using Polly;
using Polly.Retry;

namespace Actors.Resilience;

/// <summary>
/// The one retry delay of the project, capped exponential backoff with jitter: <see cref="BaseDelay"/> doubled with
/// every further attempt, capped at <see cref="MaxDelay"/>, of which a random half to all is waited. The AWS clients'
/// Polly retry pipelines wait it (<see cref="ApplyTo{T}"/>), and loops that schedule their own next attempt (the
/// Kinesis shard reader after throttling, the notifier outbox) ask for it with <see cref="Delay(int)"/>.
/// </summary>
/// <param name="BaseDelay">The delay before the first retry, before jitter.</param>
/// <param name="MaxDelay">No delay is longer than this.</param>
public sealed record RetryBackoff(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait before retry number <paramref name="attempt"/> (1 = the first retry), with random jitter.</summary>
    public TimeSpan Delay(int attempt) => Delay(attempt, Random.Shared.NextDouble());

    /// <summary>
    /// The wait before retry number <paramref name="attempt"/> (1 or more) for a given <paramref name="jitter"/> in [0, 1]:
    /// 0 waits half of the capped exponential delay, 1 all of it.
    /// </summary>
    public TimeSpan Delay(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        var exponentialTicks = BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        var cappedTicks = Math.Min(exponentialTicks, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(cappedTicks * (0.5 + (jitter / 2))));
    }

    /// <summary>Makes <paramref name="retry"/> wait these delays between its attempts.</summary>
    public RetryStrategyOptions<T> ApplyTo<T>(RetryStrategyOptions<T> retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(args.AttemptNumber + 1));
        return retry;
    }
}
