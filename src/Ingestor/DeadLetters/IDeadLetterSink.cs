namespace Actors.Ingestor.DeadLetters;

/// <summary>Where rejected records go. <see cref="DeadLetterFile"/> writes NDJSON locally; an S3 prefix or a Kinesis stream can replace it by changing one registration.</summary>
public interface IDeadLetterSink
{
    /// <summary>Stores the records durably before returning (the shard's checkpoint moves past them afterwards). Thread-safe.</summary>
    Task WriteAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken);
}
