namespace Actors.Aws.Kinesis.Wire;

internal sealed record GetRecordsResponse(
    IReadOnlyList<RecordJson>? Records = null,
    string? NextShardIterator = null,
    long? MillisBehindLatest = null,
    IReadOnlyList<ChildShardJson>? ChildShards = null)
{
    public GetRecordsResult ToResult() => new(
        Records?.Select(record => record.ToRecord()).ToList() ?? [],
        NextShardIterator,
        MillisBehindLatest,
        ChildShards?.Select(child => child.ToChildShard()).ToList() ?? []);
}
