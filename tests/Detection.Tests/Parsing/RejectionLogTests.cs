using Actors.Detection.Parsing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

public sealed class RejectionLogTests
{
    private readonly ReadingParser _parser = new(new ReadingParserOptions());
    private readonly ListLogger<RejectionLog> _logger = new();

    [Fact]
    public void Counts_each_reason_and_the_total()
    {
        var log = new RejectionLog(_logger);
        string[] lines =
        [
            "",
            "{",
            "[1]",
            """{"timestamp": 1771329600000, "t": 1}""",
            """{"device_id": "d", "timestamp": 1771329600000, "t": "x"}""",
            """{"device_id": "d", "timestamp": 1771329600000, "t": 1e400}""",
            "NaN",
        ];

        for (var i = 0; i < lines.Length; i++)
        {
            var raw = System.Text.Encoding.UTF8.GetBytes(lines[i]);
            log.Record($"input.ndjson:{i + 1}", _parser.Parse(raw), raw);
        }

        Assert.Equal(7, log.Total);
        var expected = new Dictionary<RejectReason, long>
        {
            [RejectReason.MalformedJson] = 3,
            [RejectReason.NotAnObject] = 1,
            [RejectReason.MissingDeviceId] = 1,
            [RejectReason.MissingTimestamp] = 0,
            [RejectReason.UnparsableTimestamp] = 0,
            [RejectReason.NoFiniteMetric] = 1,
            [RejectReason.NonFiniteMetric] = 1,
            [RejectReason.InvalidIdentity] = 0,
            [RejectReason.ImplausibleTimestamp] = 0,
            [RejectReason.RecordTooLarge] = 0,
            [RejectReason.GrainRejected] = 0,
        };
        Assert.Equal(expected, log.Counts);
    }

    [Fact]
    public void Logs_a_warning_with_source_reason_detail_and_excerpt()
    {
        var log = new RejectionLog(_logger);
        var raw = """{"device_id": "d", "timestamp": "tomorrow", "t": 1}"""u8;

        var rejected = log.Record("input.ndjson:42", _parser.Parse(raw), raw);

        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("RecordRejected", entry.EventId.Name);
        Assert.Equal("input.ndjson:42", entry.Properties["Source"]);
        Assert.Equal(RejectReason.UnparsableTimestamp, entry.Properties["Reason"]);
        Assert.Equal("timestamp = \"tomorrow\" is not a recognized time", entry.Properties["Detail"]);
        Assert.Contains("input.ndjson:42", entry.Message);
        Assert.Contains("UnparsableTimestamp", entry.Message);
        Assert.Contains("\"tomorrow\"", entry.Message);
        Assert.Equal(new RejectedRecord(
            "input.ndjson:42",
            RejectReason.UnparsableTimestamp,
            "timestamp = \"tomorrow\" is not a recognized time",
            """{"device_id": "d", "timestamp": "tomorrow", "t": 1}"""), rejected);
    }

    [Fact]
    public void Refuses_an_accepted_outcome_without_counting_it()
    {
        var log = new RejectionLog(_logger);
        var raw = """{"device_id": "d", "timestamp": 1771329600000, "t": 1}"""u8.ToArray();

        Assert.Throws<ArgumentException>(() => log.Record("x:1", _parser.Parse(raw), raw));
        Assert.Equal(0, log.Total);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void Counts_exactly_under_concurrency()
    {
        var log = new RejectionLog(_logger);
        var raw = "{"u8.ToArray();
        var outcome = _parser.Parse(raw);

        Parallel.For(0, 10_000, i => log.Record($"shard-0001/{i}", outcome, raw));

        Assert.Equal(10_000, log.Total);
        Assert.Equal(10_000, log.Counts[RejectReason.MalformedJson]);
        Assert.Equal(10_000, _logger.Entries.Count);
    }
}
