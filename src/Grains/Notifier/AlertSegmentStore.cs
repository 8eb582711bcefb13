using Orleans.Storage;

namespace Actors.Grains.Notifier;

/// <summary>
/// Keeps a notifier shard's <see cref="AlertSegment"/>s as records of their own in the cluster's grain storage (one
/// DynamoDB item each), beside the shard's small head state.
/// </summary>
public sealed class AlertSegmentStore(IGrainStorage storage)
{
    private const string StateName = "alert-segment";

    /// <summary>How many taken sequence numbers <see cref="WriteNewAsync"/> passes over before it gives up.</summary>
    private const int MaxTakenSequences = 16;

    public async Task<AlertSegment?> ReadAsync(long shard, long sequence)
    {
        var state = new GrainState<AlertSegment>();
        await storage.ReadStateAsync(StateName, Id(shard, sequence), state);
        return state.RecordExists ? state.State : null;
    }

    /// <summary>
    /// Writes <paramref name="segment"/> as a new record, under its <see cref="AlertSegment.Sequence"/> or, when that is
    /// taken, the next free one (the segment's sequence is moved on). A taken sequence holds a segment that its writer
    /// did not commit: it died, or its head write failed, before the shard's head state referenced it. Such a segment is
    /// left as it is, never overwritten, because a second activation of the shard might still be about to commit it.
    /// </summary>
    public async Task WriteNewAsync(long shard, AlertSegment segment)
    {
        for (var taken = 0; ; taken++)
        {
            try
            {
                await storage.WriteStateAsync(StateName, Id(shard, segment.Sequence), new GrainState<AlertSegment>(segment));
                return;
            }
            catch (InconsistentStateException) when (taken < MaxTakenSequences)
            {
                segment.Sequence++;
            }
        }
    }

    public async Task ClearAsync(long shard, long sequence)
    {
        var state = new GrainState<AlertSegment>();
        await storage.ReadStateAsync(StateName, Id(shard, sequence), state);
        if (state.RecordExists)
        {
            await storage.ClearStateAsync(StateName, Id(shard, sequence), state);
        }
    }

    private static GrainId Id(long shard, long sequence) => GrainId.Create(StateName, $"{shard}/{sequence}");
}
