namespace Actors.Hosting.Networking;

/// <summary>The ECS task metadata endpoint could not be read or parsed; the message names the endpoint.</summary>
public sealed class EcsTaskMetadataException(string message, Exception? inner = null) : Exception(message, inner);
