using System.Text.Json;
using Actors.Detection.Alarms;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Alarms;

public sealed class DeviceCommandTests
{
    private static readonly DateTime At = new(2026, 2, 17, 12, 0, 34, DateTimeKind.Utc);

    private static AlarmTransition Transition(AlarmState state, bool renotify = false) => new()
    {
        TransitionId = $"alarm/M-001/temperature/Threshold/{state}/20260217T120034.0000000Z",
        DeviceId = "M-001",
        Metric = "temperature",
        Rule = "Threshold",
        State = state,
        PreviousState = AlarmState.Normal,
        Severity = 3,
        At = At,
        Count = 1,
        Renotify = renotify,
        Cause = new Anomaly { AlertId = "a-1", AnomalyType = AnomalyType.Threshold, TargetTime = At, MeasuredValue = 31.2, DeviceId = "M-001", ProductId = "B205", Metric = "temperature", UpperLimit = 30 },
    };

    private static CommandOptions Options() => new()
    {
        Rules =
        {
            ["threshold"] = new CommandRuleOptions
            {
                Active = new CommandRoute { TopicArn = "arn:aws:sns:us-east-1:000000000000:commands", Payload = { ["action"] = "stop", ["line"] = "{ProductId}/{DeviceId}", ["why"] = "{Rule} {State} sev {Severity} on {Metric}" } },
            },
        },
    };

    [Fact]
    public void The_command_names_the_device_alarm_and_state_and_fills_the_payload_placeholders()
    {
        var transition = Transition(AlarmState.Active);
        var command = DeviceCommand.For(transition, Options().For(transition)!);

        var json = JsonDocument.Parse(JsonSerializer.Serialize(command, AlertJsonContext.Records.DeviceCommand)).RootElement;

        Assert.Equal(transition.TransitionId, json.GetProperty("CommandId").GetString());
        Assert.Equal(("M-001", "B205", "temperature", "Threshold", "Active", "Normal", 3, "2026-02-17 12:00:34"),
            (json.GetProperty("DeviceId").GetString(), json.GetProperty("ProductId").GetString(), json.GetProperty("Metric").GetString(), json.GetProperty("Rule").GetString(),
             json.GetProperty("State").GetString(), json.GetProperty("PreviousState").GetString(), json.GetProperty("Severity").GetInt32(), json.GetProperty("At").GetString()));
        var payload = json.GetProperty("Payload");
        Assert.Equal("stop", payload.GetProperty("action").GetString());
        Assert.Equal("B205/M-001", payload.GetProperty("line").GetString());
        Assert.Equal("Threshold Active sev 3 on temperature", payload.GetProperty("why").GetString());
    }

    [Fact]
    public void Only_a_configured_rule_and_state_sends_a_command_and_a_reminder_never()
    {
        var options = Options();

        Assert.NotNull(options.For(Transition(AlarmState.Active)));
        Assert.Null(options.For(Transition(AlarmState.Normal)));
        Assert.Null(options.For(Transition(AlarmState.Active, renotify: true)));
        Assert.Null(options.For(Transition(AlarmState.Active) with { Rule = "ZScore" }));
    }

    [Fact]
    public void The_validator_names_a_route_without_exactly_one_destination_and_an_unknown_rule()
    {
        var options = new CommandOptions
        {
            Rules =
            {
                ["Threshold"] = new CommandRuleOptions { Active = new CommandRoute(), Normal = new CommandRoute { TopicArn = "arn", StreamName = "stream" }, Latched = new CommandRoute { StreamName = "stream" } },
                ["Tresh"] = new CommandRuleOptions(),
            },
        };

        var result = new CommandOptionsValidator().Validate(null, options);

        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains("Commands:Rules:Threshold:Active: set exactly one of TopicArn and StreamName.", result.Failures!);
        Assert.Contains("Commands:Rules:Threshold:Normal: set exactly one of TopicArn and StreamName.", result.Failures!);
        Assert.Contains(result.Failures!, f => f.StartsWith("Commands:Rules:Tresh: 'Tresh' is not a rule", StringComparison.Ordinal));
    }
}
