using Polly;
using Polly.Retry;

namespace Actors.Aws;

/// <summary>The backoff every retry in this project's AWS clients uses: exponential from a base delay, with jitter.</summary>
internal static class AwsRetry
{
    /// <summary>No single wait between two attempts is longer than this.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    /// <summary>Sets attempts and backoff of <paramref name="retry"/> from <paramref name="options"/>.</summary>
    public static RetryStrategyOptions<T> WithBackoff<T>(this RetryStrategyOptions<T> retry, AwsOptions options)
    {
        retry.MaxRetryAttempts = options.MaxRetries;
        retry.Delay = options.BaseDelay;
        retry.MaxDelay = MaxDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        return retry;
    }
}
