using Actors.Simulation.Json;

namespace Actors.Simulation.Devices;

/// <summary>One simulated device: its identity, its own random stream and the readings it sends.</summary>
internal abstract class SimulatedDevice(string deviceId, int seed)
{
    /// <summary>The device's identity as a consumer derives it.</summary>
    public string DeviceId { get; } = deviceId;

    /// <summary>Precision of the timestamp the device writes; event times are truncated to it.</summary>
    public abstract TimeSpan TimestampResolution { get; }

    /// <summary>The device's own random stream, independent of every other device.</summary>
    protected Random Random { get; } = new(seed);

    /// <summary>The reading the device sends at <paramref name="eventTime"/> (already truncated to <see cref="TimestampResolution"/>).</summary>
    public abstract JsonRecord Read(DateTime eventTime);
}
