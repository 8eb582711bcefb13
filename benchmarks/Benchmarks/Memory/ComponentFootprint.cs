using Actors.Benchmarks.Data;
using Actors.Detection.Device;
using Actors.Grains.Interfaces;

namespace Actors.Benchmarks.Memory;

/// <summary>
/// Live bytes per device of the detection objects alone, outside Orleans: a <see cref="DeviceState"/> after judging the
/// device's feed, and the same with a <see cref="DeviceDetector"/> per device (as every device grain has one, with its
/// own prepared copy of the rules).
/// </summary>
public static class ComponentFootprint
{
    /// <summary>Bytes per device of the state alone, and of the state plus its own detector.</summary>
    public static (double State, double StateAndDetector) Measure(DeviceFeed feed, int devices)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var limits = BenchmarkRules.LimitsLookup();
        var anomalies = new List<Anomaly>();
        var shared = new DeviceDetector();
        Judge(feed, "warm", 0, new DeviceState(), shared, limits, anomalies);

        var states = new DeviceState[devices];
        var before = HeapSnapshot.Take();
        for (var i = 0; i < devices; i++)
        {
            states[i] = new DeviceState();
            Judge(feed, "state", i, states[i], shared, limits, anomalies);
        }
        var stateOnly = (HeapSnapshot.Take() - before).ManagedBytes / (double)devices;
        GC.KeepAlive(states);
        Array.Clear(states);

        var detectors = new DeviceDetector[devices];
        before = HeapSnapshot.Take();
        for (var i = 0; i < devices; i++)
        {
            states[i] = new DeviceState();
            detectors[i] = new DeviceDetector();
            Judge(feed, "state", i, states[i], detectors[i], limits, anomalies);
        }
        var withDetector = (HeapSnapshot.Take() - before).ManagedBytes / (double)devices;
        GC.KeepAlive(states);
        GC.KeepAlive(detectors);
        return (stateOnly, withDetector);
    }

    /// <summary>Every pass of one device's feed judged into <paramref name="state"/>, as its grain would.</summary>
    public static DeviceState Judge(
        DeviceFeed feed,
        string prefix,
        int index,
        DeviceState state,
        DeviceDetector detector,
        Func<string, DateTime, ControlLimits[]?> limits,
        List<Anomaly> anomalies)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(anomalies);
        for (var pass = 0; pass < feed.Passes.Count; pass++)
        {
            anomalies.Clear();
            detector.Judge(DeviceFeed.DeviceId(prefix, index), state, feed.For(prefix, index, pass), BenchmarkRules.Rules, limits, anomalies);
        }
        anomalies.Clear();
        return state;
    }
}
