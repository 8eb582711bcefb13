namespace Actors.Admin.Connection;

/// <summary>The cluster could not be reached; the message names the cluster ID, the membership and the gateway or Redis used.</summary>
public sealed class ClusterUnreachableException(string message, Exception innerException) : Exception(message, innerException);
