using System.Globalization;
using Actors.Detection.Device;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Options;

using Orleans.Runtime;

namespace Actors.Grains.Product;

/// <summary>
/// One per product: accumulates its readings, serves the daily SPC limits, reports capability against specification
/// limits (alerting when a new day's Cpk is below the configured minimum) and keeps recent points for control charts.
/// </summary>
public sealed class ProductGrain(
    [PersistentState("product", StorageNames.State)] IPersistentState<ProductState> state,
    IOptions<SpcSettings> settings,
    IOptions<NotifierOptions> notifierOptions) : Grain, IProductGrain
{
    private readonly SpcCalendar _calendar = SpcCalendar.FromId(settings.Value.TimeZone);
    private readonly SeriesRulesBook _rules = new(settings.Value);

    private string ProductId => field ??= this.GetPrimaryKeyString();

    public async Task Accumulate(Reading[] readings)
    {
        var history = state.State.History;
        var added = false;
        foreach (var reading in readings)
        {
            if (history.Add(reading, settings.Value.MaxEventTimeJump, metric => _rules.For(ProductId, metric).Spec))
            {
                state.State.ChartPoints.Add(reading, settings.Value);
                added = true;
            }
        }
        if (added)
        {
            history.Prune(_calendar, settings.Value);
            await state.WriteStateAsync();
        }
    }

    public async Task<ControlLimits[]> GetLimits(DateOnly date)
    {
        var book = state.State.Limits;
        var computed = false;
        var limits = book.Resolve(date, () =>
        {
            computed = true;
            return state.State.History.ComputeLimits(ProductId, date, _calendar, settings.Value, _rules);
        });
        if (computed)
        {
            if (state.State.History.LatestEventUtc is { } latest)
            {
                book.Prune(SpcCalendar.AddDays(_calendar.DayOf(latest), -settings.Value.HistoryDays));
            }
            await state.WriteStateAsync();
            await AlertOnLowCapability(date, limits);
        }
        return limits;
    }

    public async Task ImportLimits(ControlLimits[] limits)
    {
        state.State.Limits.Import(limits.Select(l => l with { ProductId = ProductId, Source = LimitSource.Imported }));
        await state.WriteStateAsync();
    }

    public Task<ProductSnapshot> GetSnapshot() => Task.FromResult(new ProductSnapshot
    {
        ProductId = ProductId,
        Limits = state.State.Limits.Recent(),
        Aggregates = state.State.History.Aggregates(),
        Readings = state.State.History.Readings,
        Duplicates = state.State.History.Duplicates,
        Capability = state.State.History.LatestEventUtc is { } latest
            ? [.. state.State.History.Metrics.Select(metric => Capability(metric, _calendar.DayOf(latest))).OfType<ProcessCapability>()]
            : [],
    });

    public Task<ControlChart> GetChart(string metric, string? deviceId, DateOnly? date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        var points = state.State.ChartPoints.Points(metric, deviceId);
        var latest = points.Length > 0 ? points[^1].Time : state.State.History.LatestEventUtc;
        var day = date ?? (latest is { } time ? _calendar.DayOf(time) : DateOnly.MinValue);
        var ofDay = points.Where(p => _calendar.DayOf(p.Time) == day).ToArray();
        return Task.FromResult(ControlChartBuilder.Build(
            ProductId, deviceId, metric, day, LimitsToDraw(metric, day), ofDay, _rules.For(ProductId, metric).RunRules));
    }

    /// <summary>The limits served for the day, or, for a day not resolved yet, computed without freezing them.</summary>
    private ControlLimits? LimitsToDraw(string metric, DateOnly day)
    {
        var served = state.State.Limits.Recent().FirstOrDefault(l => l.Date == day && l.Metric == metric);
        return served is not null || state.State.Limits.IsResolved(day)
            ? served
            : state.State.History.ComputeLimits(ProductId, day, _calendar, settings.Value, _rules).FirstOrDefault(l => l.Metric == metric);
    }

    private ProcessCapability? Capability(string metric, DateOnly date) =>
        _rules.For(ProductId, metric).Spec is { } spec
            ? state.State.History.Capability(metric, date, spec, _calendar, settings.Value)
            : null;

    private async Task AlertOnLowCapability(DateOnly date, ControlLimits[] limits)
    {
        var anomalies = new List<Anomaly>();
        foreach (var metric in limits.Select(l => l.Metric))
        {
            if (_rules.For(ProductId, metric).MinCpk is { } minimum && Capability(metric, date) is { Cpk: { } cpk } capability && cpk < minimum)
            {
                var start = _calendar.StartOfDayUtc(date);
                anomalies.Add(new Anomaly
                {
                    AlertId = AlertIds.For(ProductId, metric, AnomalyType.Capability, start),
                    AnomalyType = AnomalyType.Capability,
                    TargetTime = start,
                    MeasuredValue = cpk,
                    LowerLimit = minimum,
                    BaselineRef = capability.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ProductId = ProductId,
                    DeviceId = string.Empty,
                    Metric = metric,
                    Rule = string.Create(CultureInfo.InvariantCulture, $"Cpk {cpk:G4} < {minimum} over the {settings.Value.WindowHours} h before {capability.Date:yyyy-MM-dd} ({capability.OutOfSpecShare:P2} out of specification)"),
                });
            }
        }

        if (anomalies.Count > 0)
        {
            await GrainFactory.GetGrain<INotifierGrain>(NotifierShard.For(ProductId, notifierOptions.Value.Shards)).Notify([.. anomalies]);
        }
    }
}
