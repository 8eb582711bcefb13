using Actors.Simulation.Json;

namespace Actors.Simulation.Devices;

/// <summary>
/// A cellular gateway: the device payload wrapped in an envelope with the line identity (IMSI) and a server-side
/// epoch-millisecond timestamp a little later than the device time.
/// <c>{"operatorId": "OP0059150966", "timestamp": 1491869809384, "imsi": "440103114938301", "imei": "359675070019501", "sourceProtocol": "tcp", "payloads": {"timestamp": "2017-04-02 23:49:03.986204", "temperature": 24.1, "humidity": 33.4}}</c>
/// </summary>
internal sealed class CellularGateway(string imsi, string imei, int seed) : SimulatedDevice(imsi, seed)
{
    private const string OperatorId = "OP0059150966";
    private const string PayloadTimestampFormat = "yyyy-MM-dd HH:mm:ss.ffffff";
    private const double TemperatureMean = 24.0;
    private const double TemperatureStandardDeviation = 0.5;
    private const double HumidityMean = 33.0;
    private const double HumidityStandardDeviation = 1.5;
    private const double MinLatencyMilliseconds = 5;
    private const double MaxLatencyMilliseconds = 250;

    public override TimeSpan TimestampResolution => TimeSpan.FromMicroseconds(1);

    public override JsonRecord Read(DateTime eventTime)
    {
        var temperature = RandomDraws.Normal(Random, TemperatureMean, TemperatureStandardDeviation);
        var humidity = RandomDraws.Normal(Random, HumidityMean, HumidityStandardDeviation);
        var received = eventTime.AddMilliseconds(RandomDraws.Uniform(Random, MinLatencyMilliseconds, MaxLatencyMilliseconds));
        var payload = new JsonRecord()
            .Time("timestamp", eventTime, PayloadTimestampFormat)
            .Number("temperature", FieldRole.Metric, JsonText.Round(temperature, 1))
            .Number("humidity", FieldRole.Metric, JsonText.Round(humidity, 1));
        return new JsonRecord()
            .String("operatorId", FieldRole.Other, OperatorId)
            .Number("timestamp", FieldRole.Time, new DateTimeOffset(received).ToUnixTimeMilliseconds())
            .String("imsi", FieldRole.Identity, DeviceId)
            .String("imei", FieldRole.Other, imei)
            .String("sourceProtocol", FieldRole.Other, "tcp")
            .Object("payloads", payload);
    }
}
