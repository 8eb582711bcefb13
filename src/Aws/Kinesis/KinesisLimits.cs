namespace Actors.Aws.Kinesis;

/// <summary>Kinesis Data Streams limits that are checked before a request is sent.</summary>
public static class KinesisLimits
{
    /// <summary>At most this many entries in one <c>PutRecords</c> call.</summary>
    public const int MaxRecordsPerPut = 500;

    /// <summary>At most this many bytes (data plus partition keys) in one <c>PutRecords</c> call: 5 MiB.</summary>
    public const int MaxBytesPerPut = 5 * 1024 * 1024;

    /// <summary>At most this many bytes (data plus partition key) in one record: 1 MiB.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>A partition key has at most this many Unicode characters.</summary>
    public const int MaxPartitionKeyLength = 256;

    /// <summary>One <c>GetRecords</c> call returns at most this many records.</summary>
    public const int MaxGetRecordsLimit = 10_000;

    /// <summary>The size of <paramref name="entry"/> as Kinesis counts it against the limits: data plus UTF-8 partition key.</summary>
    public static int SizeOf(PutRecordsEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Data.Length + System.Text.Encoding.UTF8.GetByteCount(entry.PartitionKey ?? string.Empty);
    }
}
