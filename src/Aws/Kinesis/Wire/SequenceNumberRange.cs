namespace Actors.Aws.Kinesis.Wire;

internal sealed record SequenceNumberRange(string StartingSequenceNumber, string? EndingSequenceNumber = null);
