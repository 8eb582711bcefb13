using System.Text;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Display;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using Xunit;

namespace Actors.Deployment.Tests.CommandLine;

/// <summary>The live display of <c>simulate</c>, rendered to Spectre.Console's test console.</summary>
public sealed class SimulationLiveViewTests
{
    private static readonly DateTime Simulated = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    private readonly RunSummary _summary = new();
    private readonly RejectionLog _rejections = new(NullLogger<RejectionLog>.Instance);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Shows_readings_per_second_over_the_last_five_seconds_and_the_simulated_time()
    {
        var view = new SimulationLiveView(_summary, _rejections, () => Simulated, _time);
        _summary.Add(new BatchOutcome(100, 0, []));
        _time.Advance(TimeSpan.FromSeconds(1));
        var first = Draw(view);

        _time.Advance(SimulationLiveView.RateWindow);
        _summary.Add(new BatchOutcome(25, 0, []));
        var second = Draw(view);

        Assert.Contains("100.0 readings/s", first, StringComparison.Ordinal);
        Assert.Contains("5.0 readings/s", second, StringComparison.Ordinal);
        Assert.Contains("2026-02-17 12:00:00 UTC simulated", second, StringComparison.Ordinal);
        Assert.Contains("accepted 125", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_rejected_records_by_reason_and_alerts_by_type_leaving_out_what_did_not_happen()
    {
        var view = new SimulationLiveView(_summary, _rejections, () => Simulated, _time);
        Reject(RejectReason.MalformedJson, times: 3);
        Reject(RejectReason.MissingDeviceId, times: 1);
        _summary.Add(new BatchOutcome(10, 0, [Alert(AnomalyType.Threshold, "sensor-1", 0), Alert(AnomalyType.Threshold, "sensor-2", 1), Alert(AnomalyType.Confirmed, "M-001", 2)]));

        var output = Draw(view);

        Assert.Matches(@"MalformedJson[^\w\n]*3", output);
        Assert.Matches(@"MissingDeviceId[^\w\n]*1", output);
        Assert.DoesNotContain(nameof(RejectReason.NoFiniteMetric), output, StringComparison.Ordinal);
        Assert.Matches(@"Threshold[^\w\n]*2", output);
        Assert.Matches(@"Confirmed[^\w\n]*1", output);
        Assert.DoesNotContain(nameof(AnomalyType.Cusum), output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_the_latest_alerts_newest_first_and_no_more_than_it_keeps()
    {
        var view = new SimulationLiveView(_summary, _rejections, () => Simulated, _time);
        var alerts = Enumerable.Range(0, SimulationLiveView.LatestAlertCount + 2).Select(i => Alert(AnomalyType.ZScore, $"device-{i:D2}", i)).ToList();
        view.Add(alerts[..5]);
        view.Add(alerts[5..]);

        var output = Draw(view);

        Assert.DoesNotContain("device-00", output, StringComparison.Ordinal);
        Assert.DoesNotContain("device-01", output, StringComparison.Ordinal);
        var positions = alerts[2..].Select(a => output.IndexOf(a.DeviceId, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, output));
        Assert.Equal(positions.OrderDescending(), positions);
        Assert.Contains("temperature >= 30", output, StringComparison.Ordinal);
    }

    private string Draw(SimulationLiveView view)
    {
        var console = new TestConsole().Width(160);
        console.Write(view.Render());
        return console.Output;
    }

    private void Reject(RejectReason reason, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _rejections.Record($"simulator:{i}", ParseOutcome.Rejected(reason, null), Encoding.UTF8.GetBytes("{}"));
            _summary.RecordRejected();
        }
    }

    private static Anomaly Alert(AnomalyType type, string device, int second) => new()
    {
        AlertId = $"{device}-{second}",
        AnomalyType = type,
        TargetTime = Simulated.AddSeconds(second),
        MeasuredValue = 31.5,
        DeviceId = device,
        Metric = "temperature",
        Rule = "temperature >= 30",
    };
}
