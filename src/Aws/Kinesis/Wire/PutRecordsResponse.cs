namespace Actors.Aws.Kinesis.Wire;

internal sealed record PutRecordsResponse(IReadOnlyList<PutRecordsResultEntry>? Records = null, int? FailedRecordCount = null)
{
    /// <summary>The outcome; without a <c>FailedRecordCount</c> the failed entries are counted.</summary>
    public PutRecordsResult ToResult()
    {
        var records = Records ?? [];
        return new(FailedRecordCount ?? records.Count(record => !record.Succeeded), records);
    }
}
