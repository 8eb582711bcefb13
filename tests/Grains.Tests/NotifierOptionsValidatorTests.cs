using Actors.Grains.Options;
using Xunit;

namespace Actors.Grains.Tests;

public sealed class NotifierOptionsValidatorTests
{
    [Fact]
    public void A_retention_of_two_cooldowns_passes()
    {
        var options = new NotifierOptions { Cooldown = TimeSpan.FromMinutes(5), DedupRetention = TimeSpan.FromMinutes(10) };

        Assert.True(new NotifierOptionsValidator([]).Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_retention_shorter_than_two_cooldowns_is_refused_because_the_cooldowns_are_rebuilt_from_the_kept_segments()
    {
        var options = new NotifierOptions { Cooldown = TimeSpan.FromMinutes(5), DedupRetention = TimeSpan.FromMinutes(9) };

        var failure = Assert.Single(new NotifierOptionsValidator([]).Validate(null, options).Failures!);
        Assert.StartsWith("Notifier:DedupRetention must be at least twice Cooldown", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_commit_interval_is_refused_and_zero_passes()
    {
        var validator = new NotifierOptionsValidator([]);

        var failure = Assert.Single(validator.Validate(null, new NotifierOptions { CommitInterval = TimeSpan.FromSeconds(-1) }).Failures!);
        Assert.StartsWith("Notifier:CommitInterval must not be negative", failure, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new NotifierOptions { CommitInterval = TimeSpan.Zero }).Succeeded);
    }
}
