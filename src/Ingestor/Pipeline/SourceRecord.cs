namespace Actors.Ingestor.Pipeline;

/// <summary>
/// One raw record as its source yields it. <see cref="Data"/> may be a view into the source's reused buffer: valid only
/// until the source moves on to the next record.
/// </summary>
public readonly record struct SourceRecord(ReadOnlyMemory<byte> Data, RecordOrigin Origin)
{
    /// <summary>The whole record's length in bytes; more than <see cref="Data"/> holds when the source cut an oversized record short.</summary>
    public long Length { get; init; } = Data.Length;
}
