using System.Text.Json;
using Actors.Detection.Device;
using Actors.Detection.Parsing;
using Actors.Detection.Records;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Configuration;

namespace Actors.Benchmarks.Loop;

/// <summary>
/// The baseline the replay is measured against: one thread parses an NDJSON file and judges every reading with the
/// classes the grains use (<see cref="ReadingParser"/>, <see cref="DeviceDetector"/> with a <see cref="DeviceState"/>
/// per device, <see cref="ProductHistory"/> and <see cref="LimitBook"/> per product), no actors, no storage. Readings
/// are judged one at a time in file order; a reading its device accepted is counted by its product with the moving ranges
/// the device computed, and a product's limits for a day are computed at the first request, as the product grain does. Every anomaly is written as the <c>replay</c>
/// command writes it, and at the end every open z-score window is closed.
/// </summary>
public sealed class SingleThreadedLoop
{
    private readonly ReadingParser _parser;
    private readonly DetectionRules _rules;
    private readonly SpcOptions _spc;
    private readonly SpcCalendar _calendar;
    private readonly SeriesRulesBook _chartRules;
    private readonly DeviceDetector _detector;
    private readonly TimeSpan _maxEventTimeJump;
    private readonly Dictionary<string, DeviceState> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ProductHistory History, LimitBook Limits)> _products = new(StringComparer.Ordinal);

    /// <param name="configuration">The ingestor's configuration: sections <c>Parsing</c>, <c>Rules</c>, <c>Spc</c> and <c>Devices</c>, bound as the silo binds them.</param>
    /// <param name="parser">The record parser the replay uses.</param>
    public SingleThreadedLoop(IConfiguration configuration, ReadingParser parser)
    {
        _parser = parser;
        _rules = configuration.GetSection("Rules").Get<DetectionRules>() ?? new DetectionRules();
        _spc = configuration.GetSection(SpcOptions.SectionName).Get<SpcOptions>() ?? new SpcOptions();
        _calendar = SpcCalendar.FromId(_spc.TimeZone);
        _chartRules = new SeriesRulesBook(_spc);
        var devices = configuration.GetSection(DeviceGrainOptions.SectionName).Get<DeviceGrainOptions>() ?? new DeviceGrainOptions();
        _maxEventTimeJump = devices.MaxEventTimeJump;
        _detector = new DeviceDetector(_maxEventTimeJump, _chartRules);
    }

    /// <summary>Reads <paramref name="input"/> to the end and writes every anomaly to <paramref name="alerts"/>.</summary>
    public async Task<LoopSummary> RunAsync(Stream input, TextWriter alerts, CancellationToken cancellationToken)
    {
        var summary = new LoopSummary();
        var one = new Reading[1];
        var movingRanges = new double[]?[1];
        var found = new List<Anomaly>();
        await foreach (var line in NdjsonReader.ReadAsync(input, _parser.MaxRecordBytes, cancellationToken))
        {
            summary.Records++;
            if (_parser.Parse(line).Reading is not { } reading)
            {
                summary.Rejected++;
                continue;
            }
            if (!_devices.TryGetValue(reading.DeviceId, out var state))
            {
                _devices[reading.DeviceId] = state = new DeviceState();
            }
            one[0] = reading;
            var (accepted, _) = _detector.Judge(reading.DeviceId, state, one, _rules, LimitsFor, found, movingRanges);
            summary.Accepted += accepted;
            if (accepted == 1 && reading.ProductId is { } product)
            {
                Count(product, reading, movingRanges[0]);
            }
            Write(found, alerts, summary);
        }
        foreach (var (deviceId, state) in _devices)
        {
            _detector.CloseWindows(deviceId, state, DateTime.MaxValue, _rules, found);
            Write(found, alerts, summary);
        }
        await alerts.FlushAsync(cancellationToken);
        return summary;
    }

    private void Count(string productId, Reading reading, double[]? movingRanges)
    {
        if (!_products.TryGetValue(productId, out var product))
        {
            _products[productId] = product = (new ProductHistory(), new LimitBook());
        }
        var latest = product.History.LatestEventUtc;
        if (product.History.Add(reading, movingRanges, _spc.MaxEventTimeJump, metric => _chartRules.For(productId, metric).Spec)
            && latest is { } before && _calendar.DayOf(before) != _calendar.DayOf(reading.Timestamp))
        {
            product.History.Prune(_calendar, _spc);
        }
    }

    private ControlLimits[]? LimitsFor(string productId, DateTime utc)
    {
        if (!_products.TryGetValue(productId, out var product))
        {
            return null;
        }
        var day = _calendar.DayOf(utc);
        return product.Limits.Resolve(day, () => product.History.ComputeLimits(productId, day, _calendar, _spc, _chartRules));
    }

    private static void Write(List<Anomaly> found, TextWriter alerts, LoopSummary summary)
    {
        foreach (var anomaly in found)
        {
            alerts.Write(JsonSerializer.Serialize(anomaly, AlertJsonContext.Records.Anomaly));
            alerts.Write('\n');
        }
        summary.Anomalies += found.Count;
        found.Clear();
    }
}
