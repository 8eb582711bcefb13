using Actors.Simulation.Json;

namespace Actors.Simulation.Devices;

/// <summary>
/// A temperature sensor: a sine wave between 20 and 30 °C plus small noise, with rare spikes to 35-50 °C (the first
/// sensor's first reading is one with <see cref="SimulationOptions.SpikeAtStart"/>).
/// <c>{"temperature": 45.61, "timestamp": "2026-02-17T12:00:34.123456Z", "device_id": "sensor-7"}</c>
/// </summary>
internal sealed class TemperatureSensor(string deviceId, int seed, double wavePhase, bool spikeFirst, SimulationOptions options)
    : SimulatedDevice(deviceId, seed)
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private const double Center = 25.0;
    private const double Amplitude = 4.5;
    private const double NoiseStandardDeviation = 0.1;
    private const double Floor = 20.0;
    private const double Ceiling = 29.99;
    private const double SpikeMin = 35.0;
    private const double SpikeMax = 50.0;

    private readonly long _periodTicks = options.TemperaturePeriod.Ticks;
    private readonly double _spikeProbability = options.SpikeProbability;
    private bool _spikeNext = spikeFirst;

    public override TimeSpan TimestampResolution => TimeSpan.FromMicroseconds(1);

    public override JsonRecord Read(DateTime eventTime)
    {
        var isSpike = Random.NextDouble() < _spikeProbability || _spikeNext;
        _spikeNext = false;
        var temperature = isSpike ? RandomDraws.Uniform(Random, SpikeMin, SpikeMax) : Wave(eventTime);
        return new JsonRecord()
            .Number("temperature", FieldRole.Metric, JsonText.Round(temperature, 2))
            .Time("timestamp", eventTime, TimestampFormat)
            .String("device_id", FieldRole.Identity, DeviceId);
    }

    private double Wave(DateTime eventTime)
    {
        var cycle = (double)(eventTime.Ticks % _periodTicks) / _periodTicks + wavePhase;
        var value = Center + Amplitude * Math.Sin(2.0 * Math.PI * cycle) + RandomDraws.Normal(Random, 0, NoiseStandardDeviation);
        return Math.Clamp(value, Floor, Ceiling);
    }
}
