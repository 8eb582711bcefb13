using Actors.Grains.Interfaces;

namespace Actors.Detection.Alarms;

/// <summary>
/// Commands back to devices (configuration section <see cref="SectionName"/>): which alarm transitions publish a
/// <see cref="DeviceCommand"/>, where to and with what payload, e.g.
/// <c>Commands__Rules__Threshold__Active__TopicArn=arn:...</c>, <c>Commands__Rules__Threshold__Active__Payload__action=stop</c>.
/// They leave through the notifier's <c>commands</c> sink, so <c>Notifier:Sinks</c> must list it. See docs/alarms.md.
/// </summary>
public sealed class CommandOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Commands";

    /// <summary>The commands of each rule's alarms, by <see cref="AnomalyType"/> name. Default none.</summary>
    public Dictionary<string, CommandRuleOptions> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The route of <paramref name="transition"/>, or null when it sends no command: none is configured for its rule and
    /// state, or it is a reminder (no change of state).
    /// </summary>
    public CommandRoute? For(AlarmTransition transition) =>
        transition.Renotify ? null : Rules.GetValueOrDefault(transition.Rule)?.For(transition.State);
}
