using System.Text.Json.Serialization;

namespace Actors.Hosting.Networking;

/// <summary>
/// Reads <see cref="EcsTaskDocument"/> with source-generated metadata: members named as ECS names them; a document
/// without <c>Containers</c>, or with <c>null</c> where the shape allows none, fails to read.
/// </summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(EcsTaskDocument))]
internal sealed partial class EcsTaskMetadataJsonContext : JsonSerializerContext;
