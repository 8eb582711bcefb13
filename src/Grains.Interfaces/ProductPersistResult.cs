namespace Actors.Grains.Interfaces;

/// <summary>What a product grain did when a checkpoint of one or more sources asked it to write its state.</summary>
[GenerateSerializer, Immutable, Alias("product-persist-result")]
public sealed record ProductPersistResult
{
    /// <summary>Whether the state was written (<see cref="PersistResult.Behind"/> is never given here: see <see cref="Behind"/>).</summary>
    [Id(0)] public PersistResult Result { get; init; }

    /// <summary>
    /// The sources whose position in the product is not the one they expected (the product was reloaded from storage
    /// after a silo failure): their checkpoints must not move, and they must be read again from the previous one.
    /// </summary>
    [Id(1)] public string[] Behind { get; init; } = [];
}
