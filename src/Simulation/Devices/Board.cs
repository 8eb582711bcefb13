using Actors.Simulation.Json;

namespace Actors.Simulation.Devices;

/// <summary>
/// A board with several sensors: temperature about 22.5 °C, humidity about 40 % (within about ±3) that now and then
/// jumps by 15 points for one reading, distance about 120 cm (within about ±5).
/// <c>{"device_id": "esp-1", "timestamp": "2026-02-17T12:00:34.123+00:00", "temperature": 22.5, "humidity": 41.2, "distance": 120.4}</c>
/// </summary>
internal sealed class Board(string deviceId, int seed, SimulationOptions options) : SimulatedDevice(deviceId, seed)
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'";
    private const double TemperatureMean = 22.5;
    private const double TemperatureStandardDeviation = 0.3;
    private const double HumidityMean = 40.0;
    private const double HumidityStandardDeviation = 1.5;
    private const double HumidityJump = 15.0;
    private const double DistanceMean = 120.0;
    private const double DistanceStandardDeviation = 2.5;

    private readonly double _jumpProbability = options.HumidityJumpProbability;

    public override TimeSpan TimestampResolution => TimeSpan.FromMilliseconds(1);

    public override JsonRecord Read(DateTime eventTime)
    {
        var temperature = RandomDraws.Normal(Random, TemperatureMean, TemperatureStandardDeviation);
        var humidity = RandomDraws.Normal(Random, HumidityMean, HumidityStandardDeviation);
        if (Random.NextDouble() < _jumpProbability)
        {
            humidity += RandomDraws.Sign(Random) * HumidityJump;
        }
        var distance = RandomDraws.Normal(Random, DistanceMean, DistanceStandardDeviation);
        return new JsonRecord()
            .String("device_id", FieldRole.Identity, DeviceId)
            .Time("timestamp", eventTime, TimestampFormat)
            .Number("temperature", FieldRole.Metric, JsonText.Round(temperature, 2))
            .Number("humidity", FieldRole.Metric, JsonText.Round(humidity, 1))
            .Number("distance", FieldRole.Metric, JsonText.Round(distance, 1));
    }
}
