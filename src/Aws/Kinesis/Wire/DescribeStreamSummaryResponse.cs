namespace Actors.Aws.Kinesis.Wire;

internal sealed record DescribeStreamSummaryResponse(StreamDescriptionSummary StreamDescriptionSummary);
