using Actors.Grains.Interfaces;

namespace Actors.Detection.Alarms;

/// <summary>
/// The record an alarm transition publishes for a device to act on (stop a line, start a sprinkler): which device and
/// alarm, the state it entered, and the payload configured for that rule and state (see docs/alarms.md).
/// </summary>
public sealed record DeviceCommand
{
    /// <summary>The transition's ID: stable across retries and crashes, so a consumer can drop a command it already ran.</summary>
    public required string CommandId { get; init; }
    public required string DeviceId { get; init; }
    public string? ProductId { get; init; }
    public required string Metric { get; init; }
    public required string Rule { get; init; }
    public required AlarmState State { get; init; }
    public required AlarmState PreviousState { get; init; }
    public required int Severity { get; init; }

    /// <summary>When the alarm changed (see <see cref="AlarmTransition.At"/>).</summary>
    public required DateTime At { get; init; }

    /// <summary>The configured payload, with the placeholders of <see cref="CommandRoute.Payload"/> filled in.</summary>
    public required IReadOnlyDictionary<string, string> Payload { get; init; }

    /// <summary>The command <paramref name="route"/> makes of <paramref name="transition"/>.</summary>
    public static DeviceCommand For(AlarmTransition transition, CommandRoute route) => new()
    {
        CommandId = transition.TransitionId,
        DeviceId = transition.DeviceId,
        ProductId = transition.Cause.ProductId,
        Metric = transition.Metric,
        Rule = transition.Rule,
        State = transition.State,
        PreviousState = transition.PreviousState,
        Severity = transition.Severity,
        At = transition.At,
        Payload = route.Payload.ToDictionary(p => p.Key, p => Fill(p.Value, transition)),
    };

    private static string Fill(string template, AlarmTransition transition) => template
        .Replace("{DeviceId}", transition.DeviceId, StringComparison.Ordinal)
        .Replace("{ProductId}", transition.Cause.ProductId ?? "", StringComparison.Ordinal)
        .Replace("{Metric}", transition.Metric, StringComparison.Ordinal)
        .Replace("{Rule}", transition.Rule, StringComparison.Ordinal)
        .Replace("{State}", transition.State.ToString(), StringComparison.Ordinal)
        .Replace("{Severity}", transition.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
