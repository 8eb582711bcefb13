namespace Actors.Aws.Kinesis.Wire;

internal sealed record PutRecordsRequest(string StreamName, IReadOnlyList<PutRecordsEntry> Records);
