namespace Actors.Ingestor.Pipeline;

/// <summary>A grain answered "behind" to a source that cannot be read again from its last checkpoint.</summary>
public sealed class GrainStateLostException(string message) : Exception(message);
