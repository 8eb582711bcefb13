namespace Actors.Aws.Kinesis.Wire;

internal sealed record DescribeStreamSummaryRequest(string StreamName);
