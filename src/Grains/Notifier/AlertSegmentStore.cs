using Orleans.Storage;

namespace Actors.Grains.Notifier;

/// <summary>
/// Keeps a notifier shard's <see cref="AlertSegment"/>s as records of their own in the cluster's grain storage (one
/// DynamoDB item each), beside the shard's small head state.
/// </summary>
public sealed class AlertSegmentStore(IGrainStorage storage)
{
    private const string StateName = "alert-segment";

    public async Task<AlertSegment?> ReadAsync(long shard, long sequence)
    {
        var state = new GrainState<AlertSegment>();
        await storage.ReadStateAsync(StateName, Id(shard, sequence), state);
        return state.RecordExists ? state.State : null;
    }

    public Task WriteAsync(long shard, AlertSegment segment) =>
        storage.WriteStateAsync(StateName, Id(shard, segment.Sequence), new GrainState<AlertSegment>(segment));

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
