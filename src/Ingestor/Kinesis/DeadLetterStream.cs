using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.Ingestor.DeadLetters;
using Microsoft.Extensions.Options;

namespace Actors.Ingestor.Kinesis;

/// <summary>
/// Puts every rejected record, as the dead-letter JSON object, to the Kinesis stream <see cref="KinesisIngestOptions.DeadLetterStream"/>
/// (partition key = the record's own partition key, so a device's rejects stay in order). Used instead of
/// <see cref="DeadLetterFile"/> when that stream is configured, so dead letters outlive the ingestor's task.
/// </summary>
public sealed class DeadLetterStream(KinesisPutter putter, IOptions<KinesisIngestOptions> options) : IDeadLetterSink
{
    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        if (letters.Count == 0)
        {
            return;
        }
        var entries = letters.Select(l => new PutRecordsEntry(JsonSerializer.SerializeToUtf8Bytes(l, DeadLetterJsonContext.Default.DeadLetter), l.PartitionKey ?? l.File ?? "dead-letter")).ToList();
        await putter.PutAllAsync(options.Value.DeadLetterStream!, entries, cancellationToken);
    }
}
