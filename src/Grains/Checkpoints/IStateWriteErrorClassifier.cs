namespace Actors.Grains.Checkpoints;

/// <summary>
/// Tells a write error that will recur on every try of the same state (an item over the store's size limit, a key the
/// store refuses) from one that may pass later (an outage, throttling). Grain storage providers know their own errors;
/// the silo registers the classifier of the provider it uses.
/// </summary>
public interface IStateWriteErrorClassifier
{
    /// <summary>Whether writing the same state again will fail the same way.</summary>
    bool IsPermanent(Exception error);
}
