using System.Globalization;
using Actors.Simulation.Devices;
using Actors.Simulation.Malformed;

namespace Actors.Simulation;

/// <summary>
/// A deterministic simulation of the seed systems' sensors: temperature sensors, multi-sensor boards, cellular
/// gateways and manufacturing lines, producing raw JSON records in event-time order.
/// </summary>
public sealed class ReadingSimulator
{
    private const string GatewayImsiPrefix = "4401031149383";
    private const string GatewayImeiPrefix = "3596750700195";
    private const double WavePhaseStep = 0.1;
    private const int MalformedStream = -1;

    private readonly SimulationOptions _options;

    /// <summary>Creates a simulator from a snapshot of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message names every bad property.</exception>
    public ReadingSimulator(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimulationOptionsValidator.ThrowIfInvalid(options);
        _options = options.Copy();
        DeviceIds = CreateDevices().Select(d => d.DeviceId).ToArray();
    }

    /// <summary>Device ids in device order (temperature sensors, boards, gateways, lines), which breaks time ties.</summary>
    public IReadOnlyList<string> DeviceIds { get; }

    /// <summary>
    /// Lazily yields the records of all devices from <paramref name="startUtc"/> for <paramref name="duration"/>,
    /// merged in event-time order (ties in device order). Device i reads at
    /// <c>startUtc + Interval * i / devices + k * Interval</c>; its event time is that instant truncated to the
    /// precision of its timestamp format. Each call starts afresh from the seed and returns the same records.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="startUtc"/> is local time, or <paramref name="duration"/> is negative.</exception>
    public IEnumerable<SimulatedRecord> Generate(DateTime startUtc, TimeSpan duration)
    {
        if (startUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("The start must be UTC (or unspecified, read as UTC).", nameof(startUtc));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return Merge(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), duration);
    }

    private IEnumerable<SimulatedRecord> Merge(DateTime start, TimeSpan duration)
    {
        var devices = CreateDevices();
        var interval = _options.Interval.Ticks;
        var end = start.Ticks + duration.Ticks;
        var cursors = new Cursor[devices.Count];
        var queue = new PriorityQueue<int, (long EventTicks, int Device)>(devices.Count);
        for (var i = 0; i < devices.Count; i++)
        {
            cursors[i] = new Cursor(start.Ticks + interval * i / devices.Count, 0);
            Enqueue(queue, devices, cursors, i, end, interval);
        }

        var malformedRandom = new Random(RandomDraws.DeriveSeed(_options.Seed, MalformedStream));
        var malformed = new MalformedRecordFactory(malformedRandom);
        while (queue.TryDequeue(out var index, out var key))
        {
            var device = devices[index];
            var eventTime = new DateTime(key.EventTicks, DateTimeKind.Utc);
            var reading = device.Read(eventTime);
            var isMalformed = malformedRandom.NextDouble() < _options.MalformedRate;
            var payload = isMalformed ? malformed.Create(reading) : reading.ToUtf8();
            cursors[index] = cursors[index] with { Readings = cursors[index].Readings + 1 };
            Enqueue(queue, devices, cursors, index, end, interval);
            yield return new SimulatedRecord(eventTime, device.DeviceId, payload, isMalformed);
        }
    }

    private static void Enqueue(
        PriorityQueue<int, (long EventTicks, int Device)> queue,
        List<SimulatedDevice> devices,
        Cursor[] cursors,
        int index,
        long end,
        long interval)
    {
        var tick = cursors[index].FirstTick + cursors[index].Readings * interval;
        if (tick >= end)
        {
            return;
        }
        var resolution = devices[index].TimestampResolution.Ticks;
        queue.Enqueue(index, (tick - tick % resolution, index));
    }

    private List<SimulatedDevice> CreateDevices()
    {
        var devices = new List<SimulatedDevice>(_options.DeviceCount);
        for (var i = 0; i < _options.TemperatureSensors; i++)
        {
            devices.Add(new TemperatureSensor(Id("sensor-", i + 1), NextSeed(devices), i * WavePhaseStep, _options.SpikeAtStart && i == 0, _options));
        }
        for (var i = 0; i < _options.Boards; i++)
        {
            devices.Add(new Board(Id("esp-", i + 1), NextSeed(devices), _options));
        }
        for (var i = 0; i < _options.Gateways; i++)
        {
            var suffix = (i + 1).ToString("D2", CultureInfo.InvariantCulture);
            devices.Add(new CellularGateway(GatewayImsiPrefix + suffix, GatewayImeiPrefix + suffix, NextSeed(devices)));
        }
        for (var i = 0; i < _options.ProductionLines; i++)
        {
            devices.Add(new ProductionLine("M-" + (i + 1).ToString("D3", CultureInfo.InvariantCulture), NextSeed(devices), i, _options));
        }
        return devices;
    }

    private int NextSeed(List<SimulatedDevice> devices) => RandomDraws.DeriveSeed(_options.Seed, devices.Count);

    private static string Id(string prefix, int number) => prefix + number.ToString(CultureInfo.InvariantCulture);
}
