namespace Actors.Aws.Kinesis.Wire;

internal sealed record HashKeyRange(string StartingHashKey, string EndingHashKey);
