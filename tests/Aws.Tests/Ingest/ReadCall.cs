namespace Actors.Aws.Tests.Ingest;

/// <summary>One GetRecords call the fake stream served: on which shard, when, how many records, whether it reported the shard's end, or the error it threw.</summary>
public sealed record ReadCall(string ShardId, DateTimeOffset At, int Records, bool ShardEnd, string? Error);
