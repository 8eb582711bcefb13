using System.Globalization;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Alarms;

/// <summary>
/// Builds the deterministic identity of an alarm transition, so that judging the same readings again from the same
/// state yields the same ID and the notifier sends it once.
/// </summary>
public static class AlarmTransitionIds
{
    /// <summary>
    /// <c>alarm/{deviceId}/{metric}/{rule}/{state}/{at:yyyyMMddTHHmmss.fffffffZ}</c>, e.g.
    /// <c>alarm/M-001/temperature/Threshold/Active/20260217T120058.0000000Z</c>.
    /// </summary>
    public static string For(string deviceId, string metric, string rule, AlarmState state, DateTime at) =>
        string.Create(CultureInfo.InvariantCulture, $"alarm/{deviceId}/{metric}/{rule}/{state}/{at:yyyyMMddTHHmmss.fffffffZ}");

    /// <summary>The <paramref name="number"/>th reminder of the alarm that became active at <paramref name="activeSince"/>: <c>alarm/{deviceId}/{metric}/{rule}/Reminder{number}/{activeSince}</c>.</summary>
    public static string Reminder(string deviceId, string metric, string rule, int number, DateTime activeSince) =>
        string.Create(CultureInfo.InvariantCulture, $"alarm/{deviceId}/{metric}/{rule}/Reminder{number}/{activeSince:yyyyMMddTHHmmss.fffffffZ}");
}
