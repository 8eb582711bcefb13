using System.Text.Json.Serialization;

namespace Actors.Detection.Baselines;

/// <summary>
/// Reads a <see cref="BaselineLine"/>: snake_case names as the baseline file writes them, dates as <c>yyyy-MM-dd</c>,
/// numbers only as JSON numbers, and null refused where the member is not nullable.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(BaselineLine))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
