using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Actors.Detection.Alarms;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Records;

/// <summary>
/// The one JSON format of the anomaly record, of notifications and of device commands, used by every output (<c>replay --alerts</c>, the
/// log, file, SNS and Kinesis sinks): properties in declaration order, absent optional properties left out, times
/// through <see cref="RecordTimeConverter"/>, enums as names. Use <see cref="Records"/>: the same options without
/// HTML-oriented escaping, so that a rule such as <c>temperature &gt;= 30</c> stays readable.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(RecordTimeConverter), typeof(JsonStringEnumConverter<AnomalyType>), typeof(JsonStringEnumConverter<AlarmState>)])]
[JsonSerializable(typeof(Anomaly))]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(DeviceCommand))]
public sealed partial class AlertJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context every output writes with: the options of <see cref="Default"/> plus relaxed escaping (built on first
    /// use, since the generated <see cref="Default"/> may not be initialized yet while this class's static fields are).
    /// </summary>
    public static AlertJsonContext Records => field ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
