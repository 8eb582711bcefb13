namespace Actors.Ingestor.Pipeline;

/// <summary>A grain call of a batch or a checkpoint that failed: which grain (<c>device M-001</c>, <c>product B205</c>) and why.</summary>
public sealed record GrainCallFailure(string Grain, Exception Exception)
{
    /// <summary>
    /// Whether the failure lies in what was sent (an error in the grain's own code, the same on every try) rather than in
    /// the cluster or storage (a timeout, an unreachable silo or service), which goes away by itself.
    /// </summary>
    public bool IsCausedByInput => Exception is ArgumentException or NullReferenceException or IndexOutOfRangeException
        or KeyNotFoundException or FormatException or ArithmeticException or InvalidCastException or NotSupportedException;

    /// <summary><c>device M-001: ArgumentOutOfRangeException: ...</c></summary>
    public override string ToString() => $"{Grain}: {Exception.GetType().Name}: {Exception.Message}";
}
