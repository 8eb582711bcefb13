namespace Actors.Grains.Kinesis;

/// <summary>The persisted state of one stream's lease grain: every known shard and every live worker.</summary>
[GenerateSerializer, Alias("stream-lease-state")]
public sealed class StreamLeaseState
{
    [Id(0)] public Dictionary<string, ShardLease> Shards { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<string, WorkerLease> Workers { get; set; } = new(StringComparer.Ordinal);
}
