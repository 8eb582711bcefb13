using Actors.Detection.Device;
using Actors.Grains.Alarms;
using Actors.Grains.Options;
using Actors.Grains.Rules;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Device;

/// <summary>
/// The silo's services that every device grain uses, in one object, so that each of the many device activations holds
/// one reference to them rather than one per service.
/// </summary>
/// <param name="detector">The silo's one detector.</param>
/// <param name="rules">The rules in force.</param>
/// <param name="limits">The products' daily control limits.</param>
/// <param name="notifierOptions">Where a device's anomalies go (its notifier shard), and whether their commit is deferred.</param>
/// <param name="deviceOptions">The device grain settings.</param>
/// <param name="alarms">The devices' alarm rules.</param>
/// <param name="metrics">The detection metrics.</param>
public sealed class DeviceGrainServices(
    DeviceDetector detector,
    RulesCache rules,
    LimitsCache limits,
    IOptions<NotifierOptions> notifierOptions,
    IOptions<DeviceGrainOptions> deviceOptions,
    DeviceAlarms alarms,
    DetectionMetrics metrics)
{
    public DeviceDetector Detector { get; } = detector;

    public RulesCache Rules { get; } = rules;

    public LimitsCache Limits { get; } = limits;

    /// <summary>The number of notifier shards.</summary>
    public int NotifierShards { get; } = notifierOptions.Value.Shards;

    /// <summary>Whether a device queues its anomalies with its notifier shard and flushes them before it writes (<see cref="NotifierOptions.CommitInterval"/> above zero).</summary>
    public bool DefersNotifierCommits { get; } = notifierOptions.Value.CommitInterval > TimeSpan.Zero;

    /// <summary>See <see cref="DeviceGrainOptions.MaxEventTimeJump"/>.</summary>
    public TimeSpan MaxEventTimeJump { get; } = deviceOptions.Value.MaxEventTimeJump;

    public DeviceAlarms Alarms { get; } = alarms;

    public DetectionMetrics Metrics { get; } = metrics;
}
