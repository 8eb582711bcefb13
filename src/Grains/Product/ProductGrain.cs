using System.Globalization;
using Actors.Detection.Device;
using Actors.Detection.Spc;
using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Options;


namespace Actors.Grains.Product;

/// <summary>
/// One per product: accumulates its readings with the moving ranges their devices computed (it keeps nothing per
/// device, so any number of devices may make a product), serves the daily SPC limits, reports capability against
/// specification limits (alerting when a new day's Cpk is below the configured minimum) and keeps recent points for
/// control charts.
/// Aggregates are written on checkpoints (<see cref="Persist"/>) and at deactivation; limits as soon as they are computed
/// or imported, since every device judges against them.
/// </summary>
public sealed class ProductGrain(
    IOptions<SpcOptions> settings,
    IOptions<NotifierOptions> notifierOptions) : CheckpointedGrain<ProductState>("product"), IProductGrain
{
    private readonly SpcCalendar _calendar = SpcCalendar.FromId(settings.Value.TimeZone);
    private readonly SeriesRulesBook _rules = new(settings.Value);

    private string ProductId => field ??= this.GetPrimaryKeyString();

    /// <summary>The specification limits of a metric of this product, made once rather than for every reading accumulated.</summary>
    private Func<string, SpecLimits?> SpecOf => field ??= metric => _rules.For(ProductId, metric).Spec;

    public Task<AccumulateResult> Accumulate(ProductBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var sources = State.Sources;
        var position = sources.Of(batch.Source);
        if (batch.ExpectedPosition is { } expected && SourcePosition.Compare(position, expected) != 0)
        {
            return Task.FromResult(new AccumulateResult { Position = position, Behind = true });
        }
        var history = State.History;
        var processed = 0;
        var counted = 0;
        for (var i = 0; i < batch.Readings.Length; i++)
        {
            if (!sources.IsNew(batch.Source, batch.Positions[i]))
            {
                continue;
            }
            sources.Advance(batch.Source, batch.Positions[i]);
            processed++;
            var reading = batch.Readings[i];
            if (history.Add(reading, batch.MovingRanges?[i], settings.Value.MaxEventTimeJump, SpecOf))
            {
                State.ChartPoints.Add(reading, settings.Value);
                counted++;
            }
        }
        var duplicates = batch.Readings.Length - processed;
        State.Duplicates += duplicates;
        if (processed > 0)
        {
            history.Prune(_calendar, settings.Value);
            MarkChanged();
        }
        return Task.FromResult(new AccumulateResult { Counted = counted, Duplicates = duplicates, Position = sources.Of(batch.Source) });
    }

    public async Task<PersistResult> Persist(string? source = null, string? expectedPosition = null)
    {
        if (source is not null && expectedPosition is not null && SourcePosition.Compare(State.Sources.Of(source), expectedPosition) != 0)
        {
            return PersistResult.Behind;
        }
        return await WriteIfChangedAsync();
    }

    public async Task<ControlLimits[]> GetLimits(DateOnly date)
    {
        var book = State.Limits;
        var computed = false;
        var limits = book.Resolve(date, () =>
        {
            computed = true;
            return State.History.ComputeLimits(ProductId, date, _calendar, settings.Value, _rules);
        });
        if (computed)
        {
            if (State.History.LatestEventUtc is { } latest)
            {
                book.Prune(SpcCalendar.AddDays(_calendar.DayOf(latest), -settings.Value.HistoryDays));
            }
            MarkChanged();
            await Persist();
            await AlertOnLowCapability(date, limits);
        }
        return limits;
    }

    public async Task ImportLimits(ControlLimits[] limits)
    {
        State.Limits.Import(limits.Select(l => l with { ProductId = ProductId, Source = LimitSource.Imported }));
        MarkChanged();
        await Persist();
    }

    public Task<ProductSnapshot> GetSnapshot() => Task.FromResult(new ProductSnapshot
    {
        ProductId = ProductId,
        Limits = State.Limits.Recent(),
        Aggregates = State.History.Aggregates(),
        Readings = State.History.Readings,
        Duplicates = State.Duplicates,
        Capability = State.History.LatestEventUtc is { } latest
            ? [.. State.History.Metrics.Select(metric => Capability(metric, _calendar.DayOf(latest))).OfType<ProcessCapability>()]
            : [],
    });

    public Task<ControlChart> GetChart(string metric, string? deviceId, DateOnly? date, ChartKind kind = ChartKind.Individuals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        var points = State.ChartPoints.Points(metric, deviceId);
        var latest = points.Length > 0 ? points[^1].Time : State.History.LatestEventUtc;
        var day = date ?? (latest is { } time ? _calendar.DayOf(time) : DateOnly.MinValue);
        var ofDay = points.Where(p => _calendar.DayOf(p.Time) == day).ToArray();
        return Task.FromResult(ControlChartBuilder.Build(
            kind, ProductId, deviceId, metric, day, LimitsToDraw(metric, day), ofDay, _rules.For(ProductId, metric)));
    }

    /// <summary>The limits served for the day, or, for a day not resolved yet, computed without freezing them.</summary>
    private ControlLimits? LimitsToDraw(string metric, DateOnly day)
    {
        var served = State.Limits.Recent().FirstOrDefault(l => l.Date == day && l.Metric == metric);
        return served is not null || State.Limits.IsResolved(day)
            ? served
            : State.History.ComputeLimits(ProductId, day, _calendar, settings.Value, _rules).FirstOrDefault(l => l.Metric == metric);
    }

    private ProcessCapability? Capability(string metric, DateOnly date) =>
        _rules.For(ProductId, metric).Spec is { } spec
            ? State.History.Capability(metric, date, spec, _calendar, settings.Value)
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
                    DetectedAt = start,
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
