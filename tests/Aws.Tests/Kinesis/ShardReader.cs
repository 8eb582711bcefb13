using Actors.Aws.Kinesis;

namespace Actors.Aws.Tests.Kinesis;

/// <summary>Reads a shard from an iterator to its current end, for tests.</summary>
public static class ShardReader
{
    public const int MaxPages = 200;

    public static async Task<List<KinesisRecord>> ReadAsync(IKinesisClient client, string iterator)
    {
        var records = new List<KinesisRecord>();
        string? next = iterator;
        for (var page = 0; page < MaxPages && next is not null; page++)
        {
            var result = await client.GetRecordsAsync(next, 1000);
            records.AddRange(result.Records);
            if (result.Records.Count == 0 && result.MillisBehindLatest is null or 0)
            {
                return records;
            }
            next = result.NextShardIterator;
        }
        return next is null ? records : throw new InvalidOperationException($"Shard still had records after {MaxPages} pages.");
    }

    public static async Task<List<KinesisRecord>> ReadFromStartAsync(IKinesisClient client, string stream, string shardId) =>
        await ReadAsync(client, await client.GetShardIteratorAsync(stream, shardId, ShardIteratorType.TrimHorizon));
}
