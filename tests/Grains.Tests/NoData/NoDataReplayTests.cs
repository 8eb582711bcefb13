using System.Globalization;
using System.Text;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Grains.Tests.NoData;

/// <summary>
/// <c>replay</c> runs the no-data watch on the file's event time: silences in last month's data raise their alarms at the
/// event times live ingest would have, whatever the batch size, and the wall clock plays no part.
/// </summary>
public sealed class NoDataReplayTests(NoDataClusterFixture fixture) : IClassFixture<NoDataClusterFixture>
{
    private static readonly DateTime Start = new(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly CheckpointOptions OnEventTime = new() { Interval = TimeSpan.FromSeconds(1), Clock = CheckpointClock.EventTime };

    [Theory]
    [InlineData(7)]
    [InlineData(1000)]
    public async Task A_replay_raises_the_silences_its_data_holds_at_their_event_times_and_clears_those_that_end(int batchSize)
    {
        var prefix = $"r{batchSize}-{Guid.NewGuid():N}"[..12];
        var (steady, stopped, gap) = ($"{prefix}-steady", $"{prefix}-stopped", $"{prefix}-gap");
        var lines = new StringBuilder();
        for (var second = 0; second <= 60; second++)
        {
            Line(lines, steady, second);
            if (second <= 20)
            {
                Line(lines, stopped, second);
            }
            if (second is <= 10 or >= 20)
            {
                Line(lines, gap, second);
            }
        }

        var runner = new ReplayRunner(fixture.Grains, new ReadingParser(new ReadingParserOptions()), new RejectionLog(NullLogger<RejectionLog>.Instance), batchSize, OnEventTime);
        await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString())), $"{prefix}.ndjson", alerts: null, CancellationToken.None);

        var after = NoDataClusterFixture.After;
        Assert.Equal([(AlarmState.Active, Start.AddSeconds(20) + after)], await TransitionsAsync(stopped, 1));
        Assert.Equal([(AlarmState.Active, Start.AddSeconds(10) + after), (AlarmState.Normal, Start.AddSeconds(20))], await TransitionsAsync(gap, 2));
        Assert.Empty(Transitions(steady));
        Assert.Equal(AlarmState.Active, Assert.Single(await fixture.Grains.GetGrain<IDeviceGrain>(stopped).GetAlarms()).State);
    }

    private static void Line(StringBuilder lines, string deviceId, int second) =>
        lines.Append(CultureInfo.InvariantCulture, $$"""{"device_id":"{{deviceId}}","timestamp":"{{Start.AddSeconds(second):yyyy-MM-ddTHH:mm:ssZ}}","temperature":21.5}""").Append('\n');

    private static async Task<List<(AlarmState, DateTime)>> TransitionsAsync(string deviceId, int count)
    {
        await Eventually.Until(() => Transitions(deviceId).Count >= count, TimeSpan.FromSeconds(30), $"{count} NoData notifications of {deviceId}");
        return Transitions(deviceId);
    }

    private static List<(AlarmState, DateTime)> Transitions(string deviceId) =>
        [.. RecordingSink.Instance.DeliveredFor(deviceId).Where(n => n.Alarm is { Rule: "NoData" }).Select(n => (n.Alarm!.State, n.Alarm.At))];
}
