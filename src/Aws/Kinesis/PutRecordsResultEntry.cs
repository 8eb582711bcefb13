namespace Actors.Aws.Kinesis;

/// <summary>
/// The outcome of one entry of a <c>PutRecords</c> call: either written (sequence number and shard) or failed (error);
/// the answer sends only the members of its case.
/// </summary>
/// <param name="SequenceNumber">The written record's sequence number; <see langword="null"/> if it failed.</param>
/// <param name="ShardId">The shard the record was written to; <see langword="null"/> if it failed.</param>
/// <param name="ErrorCode">Why the entry failed (<c>ProvisionedThroughputExceededException</c>, <c>InternalFailure</c>); <see langword="null"/> if written.</param>
/// <param name="ErrorMessage">The service's message for a failed entry.</param>
public sealed record PutRecordsResultEntry(string? SequenceNumber = null, string? ShardId = null, string? ErrorCode = null, string? ErrorMessage = null)
{
    /// <summary>Whether the record was written.</summary>
    public bool Succeeded => ErrorCode is null && SequenceNumber is not null;
}
