using Actors.Detection.Alarms;
using Xunit;

namespace Actors.Detection.Tests.Alarms;

public sealed class AlarmOptionsValidatorTests
{
    [Fact]
    public void Good_settings_pass()
    {
        var options = new AlarmOptions { Rules = { ["Threshold"] = new AlarmRuleOptions { Severity = 2, Latch = true, Deadband = 0.5, ClearAfterReadings = 3 } } };

        Assert.True(new AlarmOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Each_bad_setting_is_named()
    {
        var options = new AlarmOptions
        {
            Rules =
            {
                ["Thresold"] = new AlarmRuleOptions(),
                ["ZScore"] = new AlarmRuleOptions { Severity = -1, Deadband = double.NaN, ClearAfterReadings = 0, QuietPeriod = TimeSpan.FromSeconds(-1), RenotifyInterval = TimeSpan.Zero },
            },
        };

        var result = new AlarmOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(6, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Alarms:Rules:Thresold: 'Thresold' is not a rule", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Alarms:Rules:ZScore:Severity", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Alarms:Rules:ZScore:Deadband", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Alarms:Rules:ZScore:ClearAfterReadings", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Alarms:Rules:ZScore:QuietPeriod", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Alarms:Rules:ZScore:RenotifyInterval", StringComparison.Ordinal));
    }
}
