using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Hosting.Health;

/// <summary>Writes <see cref="HealthResponse"/> with source-generated metadata, members in camelCase, check names as given.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthResponse))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
