using Actors.Benchmarks.Data;
using Actors.Detection.Device;
using Actors.Grains.Interfaces;

namespace Actors.Benchmarks.Memory;

/// <summary>
/// Live bytes per device of the detection state alone, outside Orleans: a <see cref="DeviceState"/> after judging the
/// device's feed with the one <see cref="DeviceDetector"/> all devices share, as in a silo.
/// </summary>
public static class ComponentFootprint
{
    /// <summary>Bytes per device of the state.</summary>
    public static double Measure(DeviceFeed feed, int devices)
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
        var perDevice = (HeapSnapshot.Take() - before).ManagedBytes / (double)devices;
        GC.KeepAlive(states);
        return perDevice;
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
