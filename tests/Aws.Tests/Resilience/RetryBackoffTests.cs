using Actors.Resilience;
using Polly;
using Polly.Retry;
using Xunit;

namespace Actors.Aws.Tests.Resilience;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Delay_doubles_per_attempt_is_capped_and_jitters_between_half_and_all()
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromMilliseconds(500), backoff.Delay(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Delay(1, 1));
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.Delay(3, 1));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Delay(50, 1));
        Assert.Equal(TimeSpan.FromSeconds(15), backoff.Delay(50, 0));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Delay(int.MaxValue, 1));
        Assert.InRange(backoff.Delay(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_Polly_retry_pipeline_waits_the_same_delays()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(5));
        var delays = new List<TimeSpan>();
        var pipeline = new ResiliencePipelineBuilder<int>().AddRetry(backoff.ApplyTo(new RetryStrategyOptions<int>
        {
            MaxRetryAttempts = 4,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result < 0),
            OnRetry = args =>
            {
                delays.Add(args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        })).Build();
        var attempts = 0;

        var result = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(++attempts < 5 ? -1 : attempts));

        Assert.Equal(5, result);
        Assert.Equal(4, delays.Count);
        for (var retry = 1; retry <= 4; retry++)
        {
            Assert.InRange(delays[retry - 1], backoff.Delay(retry, 0), backoff.Delay(retry, 1));
        }
    }
}
