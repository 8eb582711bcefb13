using Actors.Grains.Interfaces;

namespace Actors.Detection.Alarms;

/// <summary>The commands of one rule's alarms, by the state a transition enters (<c>Commands:Rules:{Rule}:{State}</c>).</summary>
public sealed class CommandRuleOptions
{
    public CommandRoute? Active { get; set; }
    public CommandRoute? Acknowledged { get; set; }
    public CommandRoute? Latched { get; set; }
    public CommandRoute? Snoozed { get; set; }
    public CommandRoute? Disabled { get; set; }
    public CommandRoute? Normal { get; set; }

    /// <summary>The route of transitions into <paramref name="state"/>, or null when they send no command.</summary>
    public CommandRoute? For(AlarmState state) => state switch
    {
        AlarmState.Active => Active,
        AlarmState.Acknowledged => Acknowledged,
        AlarmState.Latched => Latched,
        AlarmState.Snoozed => Snoozed,
        AlarmState.Disabled => Disabled,
        AlarmState.Normal => Normal,
        _ => null,
    };

    /// <summary>Every configured route with its state.</summary>
    public IEnumerable<(AlarmState State, CommandRoute Route)> Routes()
    {
        foreach (var state in Enum.GetValues<AlarmState>())
        {
            if (For(state) is { } route)
            {
                yield return (state, route);
            }
        }
    }
}
