using System.Runtime.CompilerServices;
using Actors.Detection.Parsing;

namespace Actors.Ingestor.Pipeline;

/// <summary>The lines of an NDJSON stream named <paramref name="name"/>; a line over <paramref name="maxRecordBytes"/> comes truncated (and is rejected as too large).</summary>
public sealed class NdjsonSource(Stream input, string name, int maxRecordBytes) : IRecordSource
{
    public bool Paced => false;

    public async IAsyncEnumerable<SourceRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in NdjsonReader.ReadAsync(input, maxRecordBytes, cancellationToken))
        {
            yield return new SourceRecord(line.Data, new RecordOrigin(name, line.LineNumber)) { Length = line.Length };
        }
    }
}
