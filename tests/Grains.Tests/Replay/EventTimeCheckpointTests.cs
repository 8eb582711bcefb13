using System.Globalization;
using System.Text;
using Actors.Detection.Parsing;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Grains.Tests.Replay;

/// <summary>
/// <c>replay</c> with <c>Checkpoint:Clock=EventTime</c> checkpoints once per interval of the file's event time, so the
/// grain states it writes do not depend on the batch size or on how fast the machine replays.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class EventTimeCheckpointTests(ClusterFixture fixture)
{
    private const int Devices = 5;
    private static readonly TimeSpan ReadingInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Span = TimeSpan.FromMinutes(30);
    private static readonly CheckpointOptions OnEventTime = new() { Interval = TimeSpan.FromSeconds(60), Clock = CheckpointClock.EventTime };

    [Theory]
    [InlineData(7)]
    [InlineData(1000)]
    public async Task Each_device_is_written_once_per_interval_of_event_time_whatever_the_batch_size(int batchSize)
    {
        var file = Readings($"evt{batchSize}-{Guid.NewGuid():N}");

        var summary = await ReplayAsync(file, batchSize, OnEventTime);

        Assert.Equal(Devices * Span / ReadingInterval, summary.Accepted);
        Assert.Equal(ExpectedWrites(file), summary.StateWrites);
        Assert.True(summary.StateWrites >= Devices * (Span / OnEventTime.Interval), $"{summary.StateWrites} writes");
    }

    [Fact]
    public async Task On_the_wall_clock_a_replay_shorter_than_the_interval_writes_each_device_once_at_the_end()
    {
        var file = Readings($"wall-{Guid.NewGuid():N}");

        var summary = await ReplayAsync(file, batchSize: 1000, new CheckpointOptions { Interval = TimeSpan.FromHours(1) });

        Assert.Equal(Devices, summary.StateWrites);
    }

    private async Task<RunSummary> ReplayAsync(byte[] file, int batchSize, CheckpointOptions checkpoints)
    {
        var runner = new ReplayRunner(fixture.Grains, new ReadingParser(new ReadingParserOptions()), new RejectionLog(NullLogger<RejectionLog>.Instance), batchSize, checkpoints);
        return await runner.RunAsync(new MemoryStream(file), "event-time.ndjson", alerts: null, CancellationToken.None);
    }

    /// <summary>
    /// Independently of batches: a checkpoint falls after the first reading an interval after the previous one (the first
    /// reading starts the clock) and writes every device with a reading since, that one included; the last one at the end.
    /// </summary>
    private static long ExpectedWrites(byte[] file)
    {
        var parser = new ReadingParser(new ReadingParserOptions());
        var writes = 0L;
        DateTime? last = null;
        var touched = new HashSet<string>();
        foreach (var line in Encoding.UTF8.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var reading = parser.Parse(Encoding.UTF8.GetBytes(line)).Reading!;
            last ??= reading.Timestamp;
            touched.Add(reading.DeviceId);
            if (reading.Timestamp - last >= OnEventTime.Interval)
            {
                writes += touched.Count;
                touched.Clear();
                last = reading.Timestamp;
            }
        }
        return writes + touched.Count;
    }

    private static byte[] Readings(string prefix)
    {
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var text = new StringBuilder();
        for (var t = TimeSpan.Zero; t < Span; t += ReadingInterval)
        {
            for (var device = 0; device < Devices; device++)
            {
                var time = start + t + TimeSpan.FromSeconds(device);
                text.Append(CultureInfo.InvariantCulture, $"{{\"device_id\":\"{prefix}-{device}\",\"timestamp\":\"{time:yyyy-MM-ddTHH:mm:ssZ}\",\"temperature\":{20 + device}.5}}\n");
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
