using Actors.Detection.NoData;
using Microsoft.Extensions.Options;
using Xunit;

namespace Actors.Detection.Tests.NoData;

public sealed class NoDataPolicyTests
{
    [Fact]
    public void A_device_override_wins_over_its_product_which_wins_over_the_global_silence_and_zero_turns_it_off()
    {
        var policy = new NoDataPolicy(Options.Create(new NoDataOptions
        {
            After = TimeSpan.FromMinutes(30),
            Overrides =
            [
                new NoDataOverride { ProductId = "B205", After = TimeSpan.FromMinutes(5) },
                new NoDataOverride { DeviceId = "M-001", After = TimeSpan.FromMinutes(2) },
                new NoDataOverride { DeviceId = "M-002", After = TimeSpan.Zero },
            ],
        }));

        Assert.Equal(TimeSpan.FromMinutes(30), policy.AfterFor("sensor-7", null));
        Assert.Equal(TimeSpan.FromMinutes(5), policy.AfterFor("M-003", "B205"));
        Assert.Equal(TimeSpan.FromMinutes(2), policy.AfterFor("M-001", "B205"));
        Assert.Null(policy.AfterFor("M-002", "B205"));
    }

    [Fact]
    public void Without_a_global_silence_only_overridden_devices_and_products_are_watched()
    {
        var policy = new NoDataPolicy(Options.Create(new NoDataOptions { Overrides = [new NoDataOverride { ProductId = "B205", After = TimeSpan.FromMinutes(5) }] }));

        Assert.True(policy.Enabled);
        Assert.Null(policy.AfterFor("sensor-7", null));
        Assert.Equal(TimeSpan.FromMinutes(5), policy.AfterFor("M-001", "B205"));
        Assert.False(new NoDataPolicy(Options.Create(new NoDataOptions())).Enabled);
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_their_key()
    {
        var result = new NoDataOptionsValidator().Validate(null, new NoDataOptions
        {
            After = TimeSpan.FromMinutes(-1),
            Shards = 0,
            Overrides = [new NoDataOverride { After = TimeSpan.FromMinutes(5) }],
        });

        Assert.True(result.Failed);
        Assert.Contains("NoData:After", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("NoData:Shards", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("NoData:Overrides:0", result.FailureMessage, StringComparison.Ordinal);
    }
}
