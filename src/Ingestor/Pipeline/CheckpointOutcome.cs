namespace Actors.Ingestor.Pipeline;

/// <summary>
/// What the grains did when a checkpoint asked them to write: how many wrote, and whether one had lost what it took since
/// the previous checkpoint (then the source's checkpoint must not move; read the source again from the previous one).
/// </summary>
public sealed record CheckpointOutcome(int Writes, bool Behind)
{
    /// <summary>For a source that cannot be read again (a stream, the simulator): a grain that lost state ends the run.</summary>
    public CheckpointOutcome ThrowIfBehind() => Behind
        ? throw new GrainStateLostException("A grain lost the readings it took since the last checkpoint (its silo failed); run again.")
        : this;
}
