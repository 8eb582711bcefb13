using System.Text.Json;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

[Collection(AdminClusterCollection.Name)]
public sealed class AlarmsCommandTests(AdminClusterFixture fixture)
{
    /// <summary>A device whose temperature breached its threshold (30) at 5 s with 35: its Threshold alarm is ACTIVE.</summary>
    private async Task<string> RaisedAsync(string prefix, string? productId = null)
    {
        var deviceId = UniqueId(prefix);
        await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30, DeviceId = deviceId });
        await fixture.Client.GetGrain<IDeviceGrain>(deviceId).Judge([At(deviceId, 4, productId, ("temperature", 20)), At(deviceId, 5, productId, ("temperature", 35))]);
        return deviceId;
    }

    private Task<AdminRun> Act(int exitCode, string? secret, params string[] args) =>
        AdminRunner.ExpectAsync(exitCode, fixture.Client, secret, ["alarms", .. args, "--by", "ops-anna", "--json"]);

    private static JsonElement[] Alarms(AdminRun run) => [.. run.Json().GetProperty("alarms").EnumerateArray()];

    [Fact]
    public async Task List_answers_from_the_index_with_filters_by_state_device_product_rule_metric_and_severity()
    {
        var product = UniqueId("alp");
        var first = await RaisedAsync("ala", product);
        var second = await RaisedAsync("alb", product);
        await Act(ExitCodes.Success, AdminClusterFixture.Secret, "ack", second, "--metric", "temperature");

        var byProduct = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--product", product, "--json");
        var active = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--product", product, "--state", "Active", "--json");
        var byDevice = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--device", second, "--json");
        var severe = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--product", product, "--severity", "3", "--json");
        var byRule = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--product", product, "--rule", "threshold", "--metric", "temperature", "--json");
        var otherRule = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--product", product, "--rule", "NoData", "--json");
        var otherMetric = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--product", product, "--metric", "humidity", "--json");
        var table = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--device", first);

        Assert.Equal([first, second], Alarms(byProduct).Select(a => a.GetProperty("deviceId").GetString()).Order());
        Assert.Equal(16, byProduct.Json().GetProperty("shardsQueried").GetInt32());
        var raised = Assert.Single(Alarms(active));
        Assert.Equal((first, "temperature", "Threshold", "Active", 2), (raised.GetProperty("deviceId").GetString(), raised.GetProperty("metric").GetString(), raised.GetProperty("rule").GetString(), raised.GetProperty("state").GetString(), raised.GetProperty("severity").GetInt32()));
        Assert.Equal(Start.AddSeconds(5), raised.GetProperty("since").GetDateTime().ToUniversalTime());
        Assert.Equal("Acknowledged", Assert.Single(Alarms(byDevice)).GetProperty("state").GetString());
        Assert.Equal(1, byDevice.Json().GetProperty("shardsQueried").GetInt32());
        Assert.Empty(Alarms(severe));
        Assert.Equal([first, second], Alarms(byRule).Select(a => a.GetProperty("deviceId").GetString()).Order());
        Assert.Empty(Alarms(otherRule));
        Assert.Empty(Alarms(otherMetric));
        Assert.Contains("ACTIVE", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_gives_the_cause_and_the_history_of_who_when_and_why()
    {
        var deviceId = await RaisedAsync("als");
        await Act(ExitCodes.Success, AdminClusterFixture.Secret, "ack", deviceId, "--metric", "temperature", "--note", "fan replaced");

        var run = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "show", deviceId, "--json");
        var readable = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "show", deviceId);

        var alarm = Assert.Single(Alarms(run));
        Assert.Equal(35, alarm.GetProperty("cause").GetProperty("measuredValue").GetDouble());
        var entry = Assert.Single(alarm.GetProperty("history").EnumerateArray());
        Assert.Equal(("Acknowledge", "ops-anna", "fan replaced"), (entry.GetProperty("action").GetString(), entry.GetProperty("actor").GetString(), entry.GetProperty("note").GetString()));
        Assert.True((DateTime.UtcNow - entry.GetProperty("at").GetDateTime().ToUniversalTime()).Duration() < TimeSpan.FromMinutes(5));
        Assert.Contains("fan replaced", readable.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_no_data_alarm_is_listed_shown_and_acknowledged_like_any_other()
    {
        const string deviceId = AdminClusterFixture.SilentDevice;
        var device = fixture.Client.GetGrain<IDeviceGrain>(deviceId);
        await device.Judge([At(deviceId, 5, "B205", ("temperature", 20))]);
        var check = await device.CheckSilence(Start.AddHours(1));

        var listed = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "list", "--device", deviceId, "--json");
        var shown = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "alarms", "show", deviceId, "--json");
        await Act(ExitCodes.Success, AdminClusterFixture.Secret, "ack", deviceId, "--metric", "readings", "--rule", "NoData", "--note", "gateway rebooting");

        Assert.Equal(SilenceOutcome.Raised, check.Outcome);
        var alarm = Assert.Single(Alarms(listed));
        Assert.Equal(("readings", "NoData", "Active", "B205"), (alarm.GetProperty("metric").GetString(), alarm.GetProperty("rule").GetString(), alarm.GetProperty("state").GetString(), alarm.GetProperty("productId").GetString()));
        Assert.Equal(Start.AddSeconds(5).AddMinutes(10), alarm.GetProperty("since").GetDateTime().ToUniversalTime());
        Assert.Equal("NoData", Assert.Single(Alarms(shown)).GetProperty("cause").GetProperty("anomalyType").GetString());
        Assert.Equal(AlarmState.Acknowledged, Assert.Single(await device.GetAlarms()).State);
    }

    [Fact]
    public async Task Snooze_disable_enable_and_reset_change_the_state_and_a_disallowed_action_says_why()
    {
        var deviceId = await RaisedAsync("alx");

        var snoozed = await Act(ExitCodes.Success, AdminClusterFixture.Secret, "snooze", deviceId, "--metric", "temperature", "--for", "2h", "--note", "line stopped");
        var disabled = await Act(ExitCodes.Success, AdminClusterFixture.Secret, "disable", deviceId, "--metric", "temperature");
        var notAllowed = await Act(ExitCodes.NotAllowed, AdminClusterFixture.Secret, "ack", deviceId, "--metric", "temperature");
        var enabled = await Act(ExitCodes.Success, AdminClusterFixture.Secret, "enable", deviceId, "--metric", "temperature");
        var gone = await Act(ExitCodes.NotAllowed, AdminClusterFixture.Secret, "reset", deviceId, "--metric", "temperature");
        var noSnoozeLength = await Act(ExitCodes.BadInput, AdminClusterFixture.Secret, "snooze", deviceId, "--metric", "temperature");

        var until = snoozed.Json().GetProperty("snoozedUntil").GetDateTime().ToUniversalTime();
        Assert.Equal("Snoozed", snoozed.Json().GetProperty("state").GetString());
        Assert.InRange(until - DateTime.UtcNow, TimeSpan.FromHours(1.5), TimeSpan.FromHours(2));
        Assert.Equal("Disabled", disabled.Json().GetProperty("state").GetString());
        Assert.Contains("DISABLED", notAllowed.Error, StringComparison.Ordinal);
        Assert.Equal("Normal", enabled.Json().GetProperty("state").GetString());
        Assert.Contains("no Threshold alarm of temperature", gone.Error, StringComparison.Ordinal);
        Assert.Contains("--for", noSnoozeLength.Error, StringComparison.Ordinal);
        Assert.Empty(await fixture.Client.GetGrain<IDeviceGrain>(deviceId).GetAlarms());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret")]
    public async Task Every_action_is_refused_without_the_secret_and_changes_nothing(string? secret)
    {
        var deviceId = await RaisedAsync("alr");

        foreach (var action in new[] { "ack", "disable", "reset", "enable" })
        {
            var run = await Act(ExitCodes.Refused, secret, action, deviceId, "--metric", "temperature");
            Assert.Contains("refused", run.Error, StringComparison.Ordinal);
        }
        await Act(ExitCodes.Refused, secret, "snooze", deviceId, "--metric", "temperature", "--for", "1h");

        var alarm = Assert.Single(await fixture.Client.GetGrain<IDeviceGrain>(deviceId).GetAlarms());
        Assert.Equal(AlarmState.Active, alarm.State);
        Assert.Empty(alarm.History);
    }
}
