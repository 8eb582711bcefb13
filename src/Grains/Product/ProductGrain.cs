using System.Globalization;
using Actors.Detection.Device;
using Actors.Detection.Spc;
using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;


namespace Actors.Grains.Product;

/// <summary>
/// One per product: accumulates its readings with the moving ranges their devices computed (it keeps nothing per
/// device, so any number of devices may make a product), serves the daily SPC limits, reports capability against
/// specification limits (alerting when a new day's Cpk is below the configured minimum) and keeps recent points for
/// control charts.
/// Aggregates are written on checkpoints (<see cref="Persist"/>) and at deactivation; limits as soon as they are computed
/// or imported, since every device judges against them. A write is the pages that changed (the hours of history readings
/// went into, the limits, the chart points at most once per <see cref="SpcOptions.ChartWriteInterval"/>), then the small
/// head that commits them (<see cref="ProductPageStore"/>), so its cost does not grow with the days of history kept.
/// </summary>
public sealed partial class ProductGrain(
    IOptions<SpcOptions> settings,
    IOptions<NotifierOptions> notifierOptions,
    TimeProvider time,
    ILogger<ProductGrain> logger) : CheckpointedGrain<ProductState>("product"), IProductGrain
{
    private readonly SpcCalendar _calendar = SpcCalendar.FromId(settings.Value.TimeZone);
    private readonly SeriesRulesBook _rules = new(settings.Value);

    /// <summary>History pages changed since the last successful write (they stay here until one succeeds).</summary>
    private readonly HashSet<long> _unwrittenPages = [];

    private ProductHistory _history = new();
    private LimitBook _limits = new();
    private ChartPointBook _chart = new();
    private ProductPageStore? _pages;
    private bool _limitsChanged;
    private bool _chartChanged;
    /// <summary>The chart points go with the next write, however recently they were written (the last checkpoint of a source, a deactivation).</summary>
    private bool _chartDue;
    private DateTimeOffset _chartWrittenAt;

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
        var history = _history;
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
                _chart.Add(reading, settings.Value);
                _chartChanged = true;
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

    public async Task<ProductPersistResult> Persist(Dictionary<string, string?>? expectedPositions = null, bool withChart = false)
    {
        if (withChart)
        {
            DueChart();
        }
        var sources = State.Sources;
        var behind = expectedPositions?
            .Where(expected => expected.Value is not null && SourcePosition.Compare(sources.Of(expected.Key), expected.Value) != 0)
            .Select(expected => expected.Key)
            .ToArray();
        return new ProductPersistResult { Result = await WriteIfChangedAsync(), Behind = behind ?? [] };
    }

    /// <summary>
    /// Writes the chart points with the last write, however recently they were written, unless the silo is shutting
    /// down: then the embedded in-memory store is already gone, and the points since their last write are lost as in a crash.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            DueChart();
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void DueChart()
    {
        _chartDue = true;
        if (_chartChanged)
        {
            MarkChanged();
        }
    }

    /// <summary>Reads the head, then the pages it names; a head stored before pages existed holds everything itself.</summary>
    protected override async Task ReadStateAsync(IGrainStorage storage)
    {
        await base.ReadStateAsync(storage);
        var pages = _pages = new ProductPageStore(storage, ProductId);
        _unwrittenPages.Clear();
        var head = State;
        _history = head.History;
        if (head.Limits is not null || head.ChartPoints is not null)
        {
            _limits = head.Limits ?? new();
            _chart = head.ChartPoints ?? new();
            head.Limits = null;
            head.ChartPoints = null;
            _unwrittenPages.UnionWith(_history.PageStarts());
            _limitsChanged = _chartChanged = true;
            return;
        }

        var limits = head.Pages.TryGetValue(ProductPages.Limits, out var limitsSlot) ? pages.ReadAsync<LimitBook>(ProductPages.Limits, limitsSlot) : null;
        var chart = head.Pages.TryGetValue(ProductPages.Chart, out var chartSlot) ? pages.ReadAsync<ChartPointBook>(ProductPages.Chart, chartSlot) : null;
        var hours = head.HistoryPages.Starts.Select(start => pages.ReadAsync<ProductHistoryPage>(ProductPages.History(start), head.HistoryPages.Of(start)!.Value)).ToList();
        foreach (var hour in await Task.WhenAll(hours))
        {
            _history.Load(hour ?? throw Missing("an hour of its history"));
        }
        _limits = limits is null ? new() : await limits ?? throw Missing("its limits");
        _chart = chart is null ? new() : await chart ?? throw Missing("its chart points");
        _limitsChanged = _chartChanged = false;
    }

    /// <summary>Writes the changed pages into the slots the head does not name, then the head naming them; then drops pruned hours.</summary>
    protected override async Task WriteStateAsync(IGrainStorage storage)
    {
        var pages = _pages ?? throw new InvalidOperationException("The product's pages are used before it was activated.");
        _unwrittenPages.UnionWith(_history.TakeChangedPages());
        var kept = _history.PageStarts().ToHashSet();
        var hours = State.HistoryPages;
        var others = new Dictionary<string, int>(State.Pages);
        var writes = new List<Task>();
        foreach (var start in _unwrittenPages.Where(kept.Contains))
        {
            var slot = 1 - (hours.Of(start) ?? 1);
            hours = hours.With(start, slot);
            writes.Add(pages.WriteAsync(ProductPages.History(start), slot, _history.Page(start)));
        }
        if (_limitsChanged)
        {
            writes.Add(WritePageAsync(others, ProductPages.Limits, _limits));
        }
        var now = time.GetUtcNow();
        var chartWritten = _chartChanged && (_chartDue || now - _chartWrittenAt >= settings.Value.ChartWriteInterval);
        if (chartWritten)
        {
            writes.Add(WritePageAsync(others, ProductPages.Chart, _chart));
        }
        await Task.WhenAll(writes);

        var dropped = hours.Starts.Where(start => !kept.Contains(start)).ToList();
        hours = dropped.Aggregate(hours, (slots, start) => slots.Without(start));
        var (committedHours, committedOthers) = (State.HistoryPages, State.Pages);
        State.History = _history.WithoutBuckets();
        (State.HistoryPages, State.Pages) = (hours, others);
        try
        {
            await base.WriteStateAsync(storage);
        }
        catch
        {
            (State.HistoryPages, State.Pages) = (committedHours, committedOthers);
            throw;
        }

        _unwrittenPages.Clear();
        _limitsChanged = false;
        if (chartWritten)
        {
            _chartChanged = _chartDue = false;
            _chartWrittenAt = now;
        }
        await ClearAsync(pages, dropped);
    }

    private Task WritePageAsync<T>(Dictionary<string, int> slots, string page, T value)
    {
        var slot = slots.TryGetValue(page, out var committed) ? 1 - committed : 0;
        slots[page] = slot;
        return _pages!.WriteAsync(page, slot, value);
    }

    private InvalidOperationException Missing(string what) => new($"Product {ProductId}: {what} is missing from storage.");

    /// <summary>Removes the records of hours pruned from the history; one left behind by a failure is harmless (no head names it).</summary>
    private async Task ClearAsync(ProductPageStore pages, List<long> dropped)
    {
        foreach (var start in dropped)
        {
            var page = ProductPages.History(start);
            try
            {
                await pages.ClearAsync<ProductHistoryPage>(page);
            }
            catch (Exception error)
            {
                LogPageNotCleared(logger, error, ProductId, page);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Product {ProductId}: the pruned page {Page} could not be removed from storage; it is left behind, unused")]
    private static partial void LogPageNotCleared(ILogger logger, Exception error, string productId, string page);

    public async Task<ControlLimits[]> GetLimits(DateOnly date)
    {
        var book = _limits;
        var computed = false;
        var limits = book.Resolve(date, () =>
        {
            computed = true;
            return _history.ComputeLimits(ProductId, date, _calendar, settings.Value, _rules);
        });
        if (computed)
        {
            if (_history.LatestEventUtc is { } latest)
            {
                book.Prune(SpcCalendar.AddDays(_calendar.DayOf(latest), -settings.Value.HistoryDays));
            }
            _limitsChanged = true;
            MarkChanged();
            await WriteIfChangedAsync();
            await AlertOnLowCapability(date, limits);
        }
        return limits;
    }

    public async Task ImportLimits(ControlLimits[] limits)
    {
        _limits.Import(limits.Select(l => l with { ProductId = ProductId, Source = LimitSource.Imported }));
        _limitsChanged = true;
        MarkChanged();
        await WriteIfChangedAsync();
    }

    public Task<ProductSnapshot> GetSnapshot() => Task.FromResult(new ProductSnapshot
    {
        ProductId = ProductId,
        Limits = _limits.Recent(),
        Aggregates = _history.Aggregates(),
        Readings = _history.Readings,
        Duplicates = State.Duplicates,
        Capability = _history.LatestEventUtc is { } latest
            ? [.. _history.Metrics.Select(metric => Capability(metric, _calendar.DayOf(latest))).OfType<ProcessCapability>()]
            : [],
    });

    public Task<ControlChart> GetChart(string metric, string? deviceId, DateOnly? date, ChartKind kind = ChartKind.Individuals)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        var points = _chart.Points(metric, deviceId);
        var latest = points.Length > 0 ? points[^1].Time : _history.LatestEventUtc;
        var day = date ?? (latest is { } time ? _calendar.DayOf(time) : DateOnly.MinValue);
        var ofDay = points.Where(p => _calendar.DayOf(p.Time) == day).ToArray();
        return Task.FromResult(ControlChartBuilder.Build(
            kind, ProductId, deviceId, metric, day, LimitsToDraw(metric, day), ofDay, _rules.For(ProductId, metric)));
    }

    /// <summary>The limits served for the day, or, for a day not resolved yet, computed without freezing them.</summary>
    private ControlLimits? LimitsToDraw(string metric, DateOnly day)
    {
        var served = _limits.Recent().FirstOrDefault(l => l.Date == day && l.Metric == metric);
        return served is not null || _limits.IsResolved(day)
            ? served
            : _history.ComputeLimits(ProductId, day, _calendar, settings.Value, _rules).FirstOrDefault(l => l.Metric == metric);
    }

    private ProcessCapability? Capability(string metric, DateOnly date) =>
        _rules.For(ProductId, metric).Spec is { } spec
            ? _history.Capability(metric, date, spec, _calendar, settings.Value)
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
