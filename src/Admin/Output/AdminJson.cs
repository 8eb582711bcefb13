using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Admin.Output;

/// <summary>
/// The JSON the admin client writes with <c>--json</c> and reads with <c>rules set --file</c>: camelCase property names
/// taken from the report types in this folder (the contract scripts rely on), enums as names, times as ISO 8601 UTC,
/// every property written even when null.
/// </summary>
public static class AdminJson
{
    /// <summary>Options for writing reports.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Options for reading input files: like <see cref="Options"/>, but unknown properties are errors, so a typo is not silently ignored.</summary>
    public static JsonSerializerOptions StrictInput { get; } = new(Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary>Writes <paramref name="report"/> as indented JSON followed by a newline.</summary>
    public static void Write<T>(TextWriter writer, T report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(report, Options));
    }
}
