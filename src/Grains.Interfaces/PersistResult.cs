namespace Actors.Grains.Interfaces;

/// <summary>What a grain did when a checkpoint asked it to write its state.</summary>
[GenerateSerializer]
public enum PersistResult
{
    /// <summary>Nothing changed since the state was last written.</summary>
    Unchanged,

    /// <summary>The state was written.</summary>
    Written,

    /// <summary>
    /// The grain does not hold what the caller sent it since the last checkpoint (it was reloaded from storage after a
    /// silo failure): the checkpoint must not move, and the caller must read its source again from the previous one.
    /// </summary>
    Behind,
}
