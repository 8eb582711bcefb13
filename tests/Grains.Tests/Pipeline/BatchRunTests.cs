using System.Text;
using Actors.Detection.Parsing;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Grains.Tests.Pipeline;

/// <summary>
/// A full batch goes to the grains up to the start of its last run of a 15-minute bucket; that run stays held and starts
/// the next batch, so a bucket reaches each device in one call. A flush at the end sends everything held.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BatchRunTests(ClusterFixture fixture)
{
    private static readonly DateTime Start = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_full_batch_keeps_its_last_bucket_for_the_next_batch()
    {
        var device = TestReadings.UniqueId("batch-run");
        var lines = new StringBuilder();
        foreach (var bucket in new[] { 0, 15, 30 })
        {
            for (var second = 0; second < 6; second++)
            {
                var time = Start.AddMinutes(bucket).AddSeconds(second);
                lines.Append($$"""{"device_id": "{{device}}", "timestamp": "{{time:yyyy-MM-ddTHH:mm:ssZ}}", "temperature": 20.5}""").Append('\n');
            }
        }
        var batches = new List<int>();
        var pipeline = new IngestPipeline(
            fixture.Grains, new ReadingParser(new ReadingParserOptions()), new RejectionLog(NullLogger<RejectionLog>.Instance), batchSize: 10, new CheckpointOptions(), TimeProvider.System,
            noDataOnEventTime: true)
        {
            Judged = outcome =>
            {
                if (outcome.Accepted > 0)
                {
                    batches.Add(outcome.Accepted);
                }
                return Task.CompletedTask;
            },
        };

        await pipeline.RunAsync(new NdjsonSource(new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString())), "runs.ndjson", 4096), CancellationToken.None);

        Assert.Equal([6, 6, 6], batches);
        Assert.Equal(18L, pipeline.Summary.Accepted);
    }
}
