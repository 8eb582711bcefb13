using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Admin.Output;

/// <summary>
/// The JSON the admin client writes with <c>--json</c> and reads with <c>rules set --file</c>: camelCase property names
/// taken from the report types in this folder (the contract scripts rely on), enums as names, times as ISO 8601 UTC,
/// every property written even when null.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AlarmReport))]
[JsonSerializable(typeof(AlarmsReport))]
[JsonSerializable(typeof(AlertsReport))]
[JsonSerializable(typeof(ChartReport))]
[JsonSerializable(typeof(ClusterStatusReport))]
[JsonSerializable(typeof(DeviceReport))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(ProductReport))]
[JsonSerializable(typeof(RulesReport))]
[JsonSerializable(typeof(SilenceReport))]
[JsonSerializable(typeof(SilencesReport))]
public sealed partial class AdminJsonContext : JsonSerializerContext
{
    /// <summary>For writing reports: without HTML-oriented escaping, so <c>&gt;=</c> stays readable.</summary>
    public static AdminJsonContext Output => field ??= new(new JsonSerializerOptions(Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>For reading input files: unknown properties are errors, so a typo is not silently ignored.</summary>
    public static AdminJsonContext StrictInput => field ??= new(new JsonSerializerOptions(Default.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow });
}
