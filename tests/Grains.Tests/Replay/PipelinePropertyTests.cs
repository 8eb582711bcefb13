using Actors.Detection.Parsing;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Grains.Tests.Replay;

/// <summary>
/// Property-based fuzzing of the whole pipeline on a two-silo cluster: any sequence of records, valid or not, in any
/// order and any batch size, replays without an exception and accounts for every record read as accepted, rejected,
/// duplicate or outlier. Samples share their devices, so later samples meet the state earlier ones left.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PipelinePropertyTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Any_records_replay_without_an_exception_and_every_record_is_accounted_for()
    {
        var parser = new ReadingParser(new ReadingParserOptions { MaxRecordBytes = 400 });
        var judged = 0L;
        await Gen.Select(RecordGen.Input("fuzz-", maxLines: 60), Gen.Int[1, 25]).SampleAsync(async (sample, batchSize) =>
        {
            var rejections = new RejectionLog(NullLogger<RejectionLog>.Instance);
            var runner = new ReplayRunner(fixture.Grains, parser, rejections, batchSize);

            var summary = await runner.RunAsync(new MemoryStream(sample.Input), "fuzz.ndjson", alerts: null, CancellationToken.None);

            Assert.Equal(sample.Lines, summary.Records);
            Assert.Equal(summary.Records, summary.Accepted + summary.Rejected + summary.Duplicates + summary.Outliers);
            Assert.Equal(summary.Rejected, rejections.Total);
            Interlocked.Add(ref judged, summary.Accepted + summary.Duplicates + summary.Outliers);
        }, iter: 40, threads: 2);

        Assert.True(judged > 0, "no generated record reached the grains");
    }
}
