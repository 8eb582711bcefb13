using System.Text.Json.Serialization;

namespace Actors.Aws;

/// <summary>The body of an AWS JSON 1.1 protocol error answer; services spell the members either way.</summary>
internal sealed record AwsJsonError(
    [property: JsonPropertyName("__type")] string? Type = null,
    [property: JsonPropertyName("code")] string? Code = null,
    [property: JsonPropertyName("message")] string? Message = null,
    [property: JsonPropertyName("Message")] string? CapitalizedMessage = null);
