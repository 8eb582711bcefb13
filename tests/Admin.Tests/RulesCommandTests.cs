using System.Text.Json;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

[Collection(AdminClusterCollection.Name)]
public sealed class RulesCommandTests(AdminClusterFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("admin-rules-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<DetectionRules> CurrentAsync() => fixture.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default).Get();

    [Fact]
    public async Task Show_reports_the_rules_the_cluster_holds()
    {
        var device = UniqueId("rs");
        var seeded = await UseRulesAsync(fixture.Client,
            new ThresholdRule { Metric = "temperature", Upper = 30 },
            new ThresholdRule { Metric = "humidity", Upper = 80, Lower = 20, DeviceId = device });

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "rules", "show", "--json")).Json();

        Assert.Equal(seeded.Version, json.GetProperty("version").GetInt64());
        var thresholds = json.GetProperty("thresholds").EnumerateArray().ToList();
        Assert.Equal(2, thresholds.Count);
        Assert.Equal("temperature", thresholds[0].GetProperty("metric").GetString());
        Assert.Equal(30, thresholds[0].GetProperty("upper").GetDouble());
        Assert.Equal(JsonValueKind.Null, thresholds[0].GetProperty("lower").ValueKind);
        Assert.Equal(JsonValueKind.Null, thresholds[0].GetProperty("deviceId").ValueKind);
        Assert.Equal(device, thresholds[1].GetProperty("deviceId").GetString());
        Assert.Equal(20, thresholds[1].GetProperty("lower").GetDouble());
        var z = json.GetProperty("zScore");
        Assert.True(z.GetProperty("enabled").GetBoolean());
        Assert.Equal(20, z.GetProperty("windowSeconds").GetDouble());
        Assert.Equal(3, z.GetProperty("bound").GetDouble());
        Assert.Equal(10, z.GetProperty("minSamples").GetInt32());
        Assert.Empty(z.GetProperty("metrics").EnumerateArray());
    }

    [Fact]
    public async Task Set_with_the_secret_edits_thresholds_and_zscore_settings()
    {
        var device = UniqueId("set");
        var before = await UseRulesAsync(fixture.Client,
            new ThresholdRule { Metric = "temperature", Upper = 30 },
            new ThresholdRule { Metric = "distance", Lower = 5 });

        var json = (await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, AdminClusterFixture.Secret, "rules", "set",
            "--threshold", $"humidity:80:20@device={device}", "--threshold", "temperature:35", "--remove-threshold", "distance",
            "--zscore-bound", "4", "--zscore-window", "60", "--zscore-min-samples", "12", "--zscore-max-samples", "128", "--zscore-metrics", "humidity,temperature",
            "--zscore-enabled", "false", "--json")).Json();

        var after = await CurrentAsync();
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(after.Version, json.GetProperty("version").GetInt64());
        Assert.Equal(2, after.Thresholds.Length);
        Assert.Contains(after.Thresholds, t => t is { Metric: "temperature", Upper: 35, Lower: null, DeviceId: null });
        Assert.Contains(after.Thresholds, t => t.Metric == "humidity" && t.Upper == 80 && t.Lower == 20 && t.DeviceId == device);
        Assert.Equal(new ZScoreSettings { Bound = 4, WindowSeconds = 60, MinSamples = 12, MaxSamples = 128, Enabled = false, Metrics = after.ZScore.Metrics }, after.ZScore);
        Assert.Equal(["humidity", "temperature"], after.ZScore.Metrics);
    }

    [Fact]
    public async Task Set_without_the_secret_is_refused_and_changes_nothing()
    {
        var before = await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30 });

        var run = await AdminRunner.ExpectAsync(ExitCodes.Refused, fixture.Client, null, "rules", "set", "--threshold", "temperature:99");

        Assert.Contains("IRulesGrain.Set refused: the call carried no admin secret", run.Error);
        Assert.Contains("this client has no Admin:Secret configured", run.Error);
        var after = await CurrentAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(30, Assert.Single(after.Thresholds).Upper);
    }

    [Fact]
    public async Task Set_with_a_wrong_secret_is_refused_and_changes_nothing()
    {
        var before = await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30 });

        var run = await AdminRunner.ExpectAsync(ExitCodes.Refused, fixture.Client, "not-the-secret", "rules", "set", "--zscore-enabled", "false");

        Assert.Contains("the admin secret presented is wrong", run.Error);
        Assert.DoesNotContain("not-the-secret", run.Error);
        var after = await CurrentAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.True(after.ZScore.Enabled);
    }

    [Theory]
    [InlineData("temperature")]
    [InlineData("temperature:hot")]
    [InlineData("temperature:")]
    [InlineData("temperature:10:20")]
    [InlineData("temperature:30@line=L1")]
    [InlineData(":30")]
    public async Task Bad_threshold_syntax_is_bad_input_and_changes_nothing(string spec)
    {
        var before = await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30 });

        var run = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, AdminClusterFixture.Secret, "rules", "set", "--threshold", spec);

        Assert.Contains("--threshold", run.Error);
        Assert.Contains("metric:upper[:lower]", run.Error);
        Assert.Equal(before.Version, (await CurrentAsync()).Version);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100001")]
    public async Task Max_samples_outside_2_to_100000_is_bad_input_and_changes_nothing(string maxSamples)
    {
        var before = await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30 });

        var run = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, AdminClusterFixture.Secret, "rules", "set", "--zscore-max-samples", maxSamples);

        Assert.Contains($"z-score maximum samples {maxSamples} must be between 2 and 100000", run.Error);
        Assert.Equal(before.Version, (await CurrentAsync()).Version);
    }

    [Fact]
    public async Task Set_from_a_file_replaces_the_rules_and_show_output_round_trips()
    {
        await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30 });
        var path = Path.Combine(_directory, "rules.json");
        await File.WriteAllTextAsync(path, """
            {
              "thresholds": [
                { "metric": "thickness", "upper": 52, "lower": 48, "productId": "B205" },
                { "metric": "temperature", "upper": 45 }
              ],
              "zScore": { "windowSeconds": 30, "bound": 2.5 }
            }
            """);

        await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, AdminClusterFixture.Secret, "rules", "set", "--file", path);

        var rules = await CurrentAsync();
        Assert.Equal(2, rules.Thresholds.Length);
        Assert.Equal(new ThresholdRule { Metric = "thickness", Upper = 52, Lower = 48, ProductId = "B205" }, rules.Thresholds[0]);
        Assert.Equal(30, rules.ZScore.WindowSeconds);
        Assert.Equal(2.5, rules.ZScore.Bound);
        Assert.Equal(10, rules.ZScore.MinSamples);
        Assert.Equal(ZScoreSettings.DefaultMaxSamples, rules.ZScore.MaxSamples);

        var shown = await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, null, "rules", "show", "--json");
        await File.WriteAllTextAsync(path, shown.Output);
        await AdminRunner.ExpectAsync(ExitCodes.Success, fixture.Client, AdminClusterFixture.Secret, "rules", "set", "--file", path);
        var again = await CurrentAsync();
        Assert.Equal(rules.Version + 1, again.Version);
        Assert.Equal(rules.Thresholds, again.Thresholds);
        Assert.Equal(rules.ZScore with { Metrics = [] }, again.ZScore with { Metrics = [] });
    }

    [Fact]
    public async Task A_rules_file_with_an_unknown_property_or_invalid_values_is_bad_input()
    {
        var before = await UseRulesAsync(fixture.Client, new ThresholdRule { Metric = "temperature", Upper = 30 });
        var typo = Path.Combine(_directory, "typo.json");
        await File.WriteAllTextAsync(typo, """{ "thresholds": [ { "metric": "temperature", "uper": 40 } ] }""");
        var invalid = Path.Combine(_directory, "invalid.json");
        await File.WriteAllTextAsync(invalid, """{ "zScore": { "bound": -1, "minSamples": 1 } }""");

        var typoRun = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, AdminClusterFixture.Secret, "rules", "set", "--file", typo);
        var invalidRun = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, AdminClusterFixture.Secret, "rules", "set", "--file", invalid);
        var combined = await AdminRunner.ExpectAsync(ExitCodes.BadInput, fixture.Client, AdminClusterFixture.Secret, "rules", "set", "--file", typo, "--zscore-bound", "3");

        Assert.Contains("uper", typoRun.Error);
        Assert.Contains("bound -1 must be a positive number", invalidRun.Error);
        Assert.Contains("at least 2", invalidRun.Error);
        Assert.Contains("cannot be combined", combined.Error);
        Assert.Equal(before.Version, (await CurrentAsync()).Version);
    }
}
