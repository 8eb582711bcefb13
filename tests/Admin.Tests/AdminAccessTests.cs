using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

/// <summary>The silo-side restriction itself, called without the admin client in between.</summary>
[Collection(AdminClusterCollection.Name)]
public sealed class AdminAccessTests(AdminClusterFixture fixture)
{
    private IRulesGrain Rules => fixture.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default);

    [Fact]
    public async Task A_client_call_without_the_secret_fails_with_AdminAccessDeniedException_and_changes_nothing()
    {
        var before = await UseRulesAsync(fixture.Client);

        var denied = await Assert.ThrowsAsync<AdminAccessDeniedException>(() => Rules.Set(before with { Thresholds = [new ThresholdRule { Metric = "x", Upper = 1 }] }));

        Assert.Contains("IRulesGrain.Set refused", denied.Message);
        Assert.Equal(before.Version, (await Rules.Get()).Version);
    }

    [Fact]
    public async Task The_secret_is_checked_on_every_call_and_not_left_behind_in_the_callers_context()
    {
        var before = await UseRulesAsync(fixture.Client);
        var product = UniqueId("ctx");

        var accepted = await AdminRequestContext.CallAsync(AdminClusterFixture.Secret, () => Rules.Set(before));
        await Assert.ThrowsAsync<AdminAccessDeniedException>(() => Rules.Set(before));
        await Assert.ThrowsAsync<AdminAccessDeniedException>(() => fixture.Client.GetGrain<IProductGrain>(product).ImportLimits([Limits(product)]));

        Assert.Equal(before.Version + 1, accepted.Version);
        Assert.Equal(accepted.Version, (await Rules.Get()).Version);
        Assert.Null(RequestContext.Get(AdminRequestContext.SecretKey));
    }

    [Fact]
    public async Task Reading_state_needs_no_secret()
    {
        var product = UniqueId("read");

        await Rules.Get();
        await fixture.Client.GetGrain<IProductGrain>(product).GetSnapshot();
        await fixture.Client.GetGrain<IProductGrain>(product).GetLimits(Day);
    }

    [Fact]
    public async Task A_grain_relaying_an_admin_operation_without_the_secret_is_refused_like_any_caller()
    {
        var before = await UseRulesAsync(fixture.Client);

        var denied = await Assert.ThrowsAsync<AdminAccessDeniedException>(() =>
            fixture.Client.GetGrain<IRulesRelayGrain>("relay").SetRules(before with { Thresholds = [new ThresholdRule { Metric = "relayed", Upper = 1 }] }));

        Assert.Contains("IRulesGrain.Set refused", denied.Message);
        Assert.Equal(before.Version, (await Rules.Get()).Version);
    }
}
