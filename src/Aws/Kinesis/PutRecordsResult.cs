namespace Actors.Aws.Kinesis;

/// <summary>The outcome of one <c>PutRecords</c> call.</summary>
/// <param name="FailedRecordCount">How many entries were not written.</param>
/// <param name="Records">One outcome per entry, in the order the entries were given.</param>
public sealed record PutRecordsResult(int FailedRecordCount, IReadOnlyList<PutRecordsResultEntry> Records);
