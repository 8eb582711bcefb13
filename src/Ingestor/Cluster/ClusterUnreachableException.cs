namespace Actors.Ingestor.Cluster;

/// <summary>The configured cluster could not be reached; the message says which one and why.</summary>
public sealed class ClusterUnreachableException(string message, Exception inner) : Exception(message, inner);
