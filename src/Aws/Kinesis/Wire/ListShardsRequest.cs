namespace Actors.Aws.Kinesis.Wire;

internal sealed record ListShardsRequest(string? StreamName, string? NextToken, int? MaxResults);
