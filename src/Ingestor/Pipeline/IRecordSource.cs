namespace Actors.Ingestor.Pipeline;

/// <summary>A source read once from its start to its end (a file, the simulator), feeding an <see cref="IngestPipeline"/>.</summary>
public interface IRecordSource
{
    /// <summary>
    /// True when the source waits between records (the paced simulator): the pipeline then sends what it holds before each
    /// wait instead of holding it until a batch is full.
    /// </summary>
    bool Paced { get; }

    /// <summary>The records in source order.</summary>
    IAsyncEnumerable<SourceRecord> ReadAsync(CancellationToken cancellationToken);
}
