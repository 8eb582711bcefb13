using Actors.Detection.Alarms;
using Actors.Grains.Interfaces;
using Actors.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Actors.Aws.Tests.Alarms;

public sealed class CommandOptionsBindingTests
{
    private static CommandOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddDetectionServices(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<CommandOptions>>().Value;
    }

    [Fact]
    public void Routes_and_payloads_are_bound_per_rule_and_state()
    {
        var options = Bind(new()
        {
            ["Notifier:Sinks:0"] = "commands",
            ["Commands:Rules:Threshold:Active:TopicArn"] = "arn:aws:sns:us-east-1:000000000000:commands",
            ["Commands:Rules:Threshold:Active:Payload:action"] = "stop",
            ["Commands:Rules:threshold:Normal:StreamName"] = "device-commands",
        });

        var rule = options.Rules["Threshold"];
        Assert.Equal(("arn:aws:sns:us-east-1:000000000000:commands", "stop"), (rule.For(AlarmState.Active)!.TopicArn, rule.Active!.Payload["action"]));
        Assert.Equal("device-commands", rule.For(AlarmState.Normal)!.StreamName);
        Assert.Null(rule.For(AlarmState.Latched));
    }

    [Fact]
    public void Commands_without_the_commands_sink_are_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Notifier:Sinks:0"] = "sns",
            ["Sns:TopicArn"] = "arn:aws:sns:us-east-1:000000000000:alerts",
            ["Commands:Rules:Threshold:Active:TopicArn"] = "arn:aws:sns:us-east-1:000000000000:commands",
        }));

        Assert.Contains("does not contain 'commands'", error.Message, StringComparison.Ordinal);
    }
}
