using Actors.Detection.Alarms;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Time.Testing;

namespace Actors.Detection.Tests.Alarms;

/// <summary>
/// Feeds an <see cref="AlarmBook"/> one temperature reading at a time, with a threshold anomaly for values at or above
/// <see cref="Upper"/>, as the device detector would find it; the wall clock is a fake one.
/// </summary>
internal sealed class AlarmFeed(AlarmRuleOptions threshold)
{
    public const string DeviceId = "dev-1";
    public const double Upper = 30;

    public static readonly DateTime T0 = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    public AlarmBook Book { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public AlarmOptions Options { get; } = new() { Rules = { ["Threshold"] = threshold } };

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public Alarm? Alarm => Book.Find("temperature", "Threshold");

    /// <summary>Readings at T0 + the given seconds, each with its anomaly if it breaches; returns the transitions.</summary>
    public List<AlarmTransition> Feed(params (double Seconds, double Value)[] readings)
    {
        var accepted = new List<Reading>();
        var anomalies = new List<Anomaly>();
        foreach (var (seconds, value) in readings)
        {
            var time = T0.AddSeconds(seconds);
            accepted.Add(new Reading { DeviceId = DeviceId, Timestamp = time, Metrics = [new Metric("temperature", value)] });
            if (value >= Upper)
            {
                anomalies.Add(Breach(time, value));
            }
        }
        var transitions = new List<AlarmTransition>();
        Book.Observe(DeviceId, accepted, anomalies, Options, Now, transitions);
        return transitions;
    }

    public List<AlarmTransition> Tick()
    {
        var transitions = new List<AlarmTransition>();
        Book.Tick(DeviceId, Options, Now, transitions);
        return transitions;
    }

    public AlarmTransition Act(AlarmAction action, DateTime? until = null, string? note = null) =>
        Book.Act(DeviceId, new AlarmCommand { Metric = "temperature", Rule = "Threshold", Action = action, Actor = "ops-anna", Note = note, Until = until }, Now).Transition;

    public static Anomaly Breach(DateTime time, double value) => new()
    {
        AlertId = $"{DeviceId}/temperature/Threshold/{time:O}",
        AnomalyType = AnomalyType.Threshold,
        TargetTime = time,
        DetectedAt = time,
        MeasuredValue = value,
        UpperLimit = Upper,
        DeviceId = DeviceId,
        Metric = "temperature",
        Rule = "temperature >= 30",
    };
}
