using Actors.Resilience;
using Polly.Retry;

namespace Actors.Aws;

/// <summary>The retry every AWS client of this project uses: <see cref="AwsOptions"/> attempts, waiting the project's <see cref="RetryBackoff"/>.</summary>
internal static class AwsRetry
{
    /// <summary>No single wait between two attempts is longer than this.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    /// <summary>Sets attempts and backoff of <paramref name="retry"/> from <paramref name="options"/>.</summary>
    public static RetryStrategyOptions<T> WithBackoff<T>(this RetryStrategyOptions<T> retry, AwsOptions options)
    {
        retry.MaxRetryAttempts = options.MaxRetries;
        return new RetryBackoff(options.BaseDelay, MaxDelay).ApplyTo(retry);
    }
}
