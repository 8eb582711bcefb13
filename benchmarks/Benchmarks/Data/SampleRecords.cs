namespace Actors.Benchmarks.Data;

/// <summary>One record of each accepted format, as the seed deployments send them, UTF-8 without the line terminator.</summary>
public static class SampleRecords
{
    public static readonly byte[] ManufacturingLine =
        """{"timestamp": "2026-02-17 12:00:34", "machine_id": "M-001", "product_id": "B205", "thickness": 49.86, "line_speed": 50.2}"""u8.ToArray();

    public static readonly byte[] TemperatureSensor =
        """{"temperature": 45.61, "timestamp": "2026-02-17T12:00:34.123456Z", "device_id": "sensor-7"}"""u8.ToArray();

    public static readonly byte[] Board =
        """{"device_id": "esp-1", "timestamp": "2026-02-17T12:00:34Z", "temperature": 22.5, "humidity": 41, "distance": 120}"""u8.ToArray();

    public static readonly byte[] GatewayEnvelope =
        """{"operatorId": "OP0059150966", "timestamp": 1491869809384, "imsi": "440103114938318", "imei": "359675070019530", "sourceProtocol": "tcp", "payloads": {"timestamp": "2017-04-02 23:49:03.986204", "temperature": 24, "humidity": 33}}"""u8.ToArray();
}
