using Actors.Detection.EventTime;
using Actors.Detection.Spc.Charts;
using Actors.Detection.Statistics;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// What a product grain keeps of its readings: per metric, the statistics of each 15-minute bucket (aligned to the
/// UTC epoch, so every real-world UTC offset, including +5:30 and +5:45, starts its days on a bucket boundary), and of
/// the moving ranges its devices computed. Nothing is kept per device, so the state does not grow with the number of
/// devices that make the product. Which readings were already counted is the business of <see cref="SourceWatermarks"/>.
/// </summary>
/// <remarks>
/// Results depend only on the order readings were added in, never on how they were batched or on queries in between:
/// each bucket is updated in arrival order and windows merge buckets oldest first.
/// </remarks>
[GenerateSerializer, Alias("spc-product-history")]
public sealed class ProductHistory
{
    /// <summary>Width of one bucket.</summary>
    public static readonly TimeSpan BucketSize = TimeSpan.FromMinutes(15);

    /// <summary>How much of the history a page holds (<see cref="Page"/>): four buckets.</summary>
    public static readonly TimeSpan PageSize = TimeSpan.FromHours(1);

    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    [Id(0)] private Dictionary<string, BucketSeries> _series = [];

    /// <summary>Readings counted.</summary>
    [Id(2)] public long Readings { get; private set; }

    /// <summary>Latest event time of any counted reading, UTC; <see langword="null"/> before the first.</summary>
    [Id(4)] public DateTime? LatestEventUtc { get; private set; }

    /// <summary>Readings not counted because their event time jumped too far ahead of <see cref="LatestEventUtc"/>, unconfirmed.</summary>
    [Id(5)] public long Outliers { get; private set; }

    [Id(6)] private DateTime? _outlierCandidate;

    [Id(7)] private Dictionary<string, BucketSeries> _movingRanges = [];
    [Id(9)] private Dictionary<string, BucketSeries> _outOfSpec = [];

    /// <summary>
    /// Starts (UTC ticks) of the pages that readings went into since <see cref="TakeChangedPages"/> last answered; null
    /// until a reading is counted. Not stored: a grain writes those pages and forgets them.
    /// </summary>
    [NonSerialized] private HashSet<long>? _changedPages;

    /// <summary>Buckets retained over all metrics.</summary>
    public int Buckets => _series.Values.Sum(series => series.Count);

    /// <summary>Metrics with retained buckets, in ordinal order.</summary>
    public IReadOnlyList<string> Metrics => [.. _series.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The start of the bucket holding <paramref name="utc"/>.</summary>
    public static DateTime BucketStart(DateTime utc)
    {
        var ticks = SpcCalendar.AsUtc(utc).Ticks;
        return new DateTime(ticks - ticks % BucketSize.Ticks, DateTimeKind.Utc);
    }

    /// <summary>
    /// Counts a reading: every metric value goes into the bucket of the reading's time, in the order given. Late
    /// readings go into their own (older) bucket. Non-finite values, which <see cref="Metric"/> rules out, are ignored.
    /// Which readings were already counted is the business of <see cref="SourceWatermarks"/>.
    /// A reading more than <paramref name="maxEventTimeJump"/> ahead of <see cref="LatestEventUtc"/> is an outlier and
    /// not counted unless the reading before it was such an outlier near it (<see cref="EventTimeJump"/>), so one
    /// record cannot drive <see cref="Prune"/>. The moving range of each metric, as its device computed it, goes into
    /// the bucket too, and with specification limits, whether the value was out of specification.
    /// </summary>
    /// <param name="reading">The reading.</param>
    /// <param name="movingRanges">
    /// Per metric of the reading, in its order, |x - the device's previous value of the metric on this product|, NaN for
    /// the device's first (<see cref="Device.DeviceDetector.Judge"/> computes them); null for none.
    /// </param>
    /// <param name="maxEventTimeJump">Default <see cref="EventTimeJump.DefaultMaxJump"/>.</param>
    /// <param name="specOf">The specification limits of a metric, or null for none.</param>
    /// <returns><see langword="true"/> when the reading was counted.</returns>
    public bool Add(Reading reading, IReadOnlyList<double>? movingRanges = null, TimeSpan? maxEventTimeJump = null, Func<string, SpecLimits?>? specOf = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var timestamp = SpcCalendar.AsUtc(reading.Timestamp);
        if (EventTimeJump.IsOutlier(LatestEventUtc, ref _outlierCandidate, timestamp, maxEventTimeJump ?? EventTimeJump.DefaultMaxJump))
        {
            Outliers++;
            return false;
        }

        var bucket = BucketStart(timestamp).Ticks;
        (_changedPages ??= []).Add(bucket - bucket % PageSize.Ticks);
        var metrics = reading.Metrics ?? [];
        for (var i = 0; i < metrics.Length; i++)
        {
            var metric = metrics[i];
            if (string.IsNullOrEmpty(metric.Name) || !double.IsFinite(metric.Value))
            {
                continue;
            }

            SeriesOf(_series, metric.Name).Add(bucket, metric.Value);
            if (movingRanges is not null && i < movingRanges.Count && double.IsFinite(movingRanges[i]))
            {
                SeriesOf(_movingRanges, metric.Name).Add(bucket, movingRanges[i]);
            }

            if (specOf?.Invoke(metric.Name) is { } spec)
            {
                SeriesOf(_outOfSpec, metric.Name).Add(bucket, spec.IsOut(metric.Value) ? 1 : 0);
            }
        }

        Readings++;
        if (LatestEventUtc is not { } latest || timestamp > latest)
        {
            LatestEventUtc = timestamp;
        }

        return true;
    }

    /// <summary>
    /// The statistics of <paramref name="metric"/> over the buckets whose start lies in
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), merged oldest first. Bounds are meant to lie on bucket
    /// boundaries (day starts always do); a bucket that starts before <paramref name="fromUtc"/> is left out whole.
    /// </summary>
    public RunningStatistics Window(string metric, DateTime fromUtc, DateTime toUtc)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return _series.TryGetValue(metric, out var series)
            ? series.Merge(SpcCalendar.AsUtc(fromUtc).Ticks, SpcCalendar.AsUtc(toUtc).Ticks)
            : default;
    }

    /// <summary>
    /// Limits of every metric for <paramref name="date"/> from the readings of
    /// [start of <paramref name="date"/> - <see cref="SpcOptions.WindowHours"/>, start of <paramref name="date"/>),
    /// for the metrics with at least <see cref="SpcOptions.MinReadings"/> readings there; ordered by metric. Sigma is
    /// the one <paramref name="rules"/> choose for the metric (the sample standard deviation without rules).
    /// </summary>
    public ControlLimits[] ComputeLimits(
        string productId, DateOnly date, SpcCalendar calendar, SpcOptions settings, SeriesRulesBook? rules = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        var (start, end) = LimitsWindow(date, calendar, settings);
        var minReadings = Math.Max(2, settings.MinReadings);
        var limits = new List<ControlLimits>();
        foreach (var metric in Metrics)
        {
            var stats = Window(metric, start, end);
            if (stats.Count >= minReadings)
            {
                var estimate = rules?.For(productId, metric).SigmaEstimate ?? SigmaEstimate.SampleStdDev;
                limits.Add(ControlLimitCalculator.Compute(productId, metric, date, stats, MovingRangeBar(metric, start, end), estimate));
            }
        }

        return [.. limits];
    }

    /// <summary>
    /// Average moving range of <paramref name="metric"/> over the buckets in [<paramref name="fromUtc"/>,
    /// <paramref name="toUtc"/>): each device's consecutive values of the product, the range counted in the later
    /// value's bucket; null when there is none.
    /// </summary>
    public double? MovingRangeBar(string metric, DateTime fromUtc, DateTime toUtc)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var ranges = _movingRanges.TryGetValue(metric, out var series)
            ? series.Merge(SpcCalendar.AsUtc(fromUtc).Ticks, SpcCalendar.AsUtc(toUtc).Ticks)
            : default;
        return ranges.Count > 0 ? ranges.Mean : null;
    }

    /// <summary>
    /// Capability of <paramref name="metric"/> against <paramref name="spec"/> over the limits window of
    /// <paramref name="date"/>; null with fewer than two readings there. The share out of specification counts the
    /// readings judged against specification limits when they were added.
    /// </summary>
    public ProcessCapability? Capability(string metric, DateOnly date, SpecLimits spec, SpcCalendar calendar, SpcOptions settings)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        var (start, end) = LimitsWindow(date, calendar, settings);
        var stats = Window(metric, start, end);
        if (stats.Count < 2)
        {
            return null;
        }

        var judged = _outOfSpec.TryGetValue(metric, out var tally)
            ? tally.Merge(start.Ticks, end.Ticks)
            : default;
        return CapabilityCalculator.Compute(metric, date, spec, stats, MovingRangeBar(metric, start, end), judged.Count > 0 ? judged.Mean : 0);
    }

    /// <summary>
    /// Drops what no limit still to be asked for needs, so the state stays bounded whatever the reading rate: buckets
    /// starting before the window of the day before the latest event's day (start of that day -
    /// <see cref="SpcOptions.WindowHours"/> - 24 h, or earlier when a daylight-saving change makes that day longer).
    /// </summary>
    public void Prune(SpcCalendar calendar, SpcOptions settings)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        if (LatestEventUtc is not { } latest)
        {
            return;
        }

        var cutoff = RetentionStart(latest, calendar, settings).Ticks;
        RemoveBefore(_series, cutoff);
        RemoveBefore(_movingRanges, cutoff);
        RemoveBefore(_outOfSpec, cutoff);
    }

    /// <summary>The starts (UTC ticks) of the pages that readings went into since the last call, oldest first.</summary>
    public long[] TakeChangedPages()
    {
        if (_changedPages is not { Count: > 0 } changed)
        {
            return [];
        }
        long[] starts = [.. changed.Order()];
        changed.Clear();
        return starts;
    }

    /// <summary>The starts (UTC ticks) of the pages holding a retained bucket, oldest first.</summary>
    public long[] PageStarts() =>
    [
        .. new[] { _series, _movingRanges, _outOfSpec }
            .SelectMany(byMetric => byMetric.Values)
            .SelectMany(series => series.StartTicks)
            .Select(start => start - start % PageSize.Ticks)
            .Distinct()
            .Order(),
    ];

    /// <summary>A copy of the buckets of the page starting at <paramref name="startTicks"/>.</summary>
    public ProductHistoryPage Page(long startTicks) => new()
    {
        Values = Slice(_series, startTicks),
        MovingRanges = Slice(_movingRanges, startTicks),
        OutOfSpec = Slice(_outOfSpec, startTicks),
    };

    /// <summary>Adds the buckets of a page read back from storage (no page twice).</summary>
    public void Load(ProductHistoryPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        AddBuckets(_series, page.Values);
        AddBuckets(_movingRanges, page.MovingRanges);
        AddBuckets(_outOfSpec, page.OutOfSpec);
    }

    /// <summary>The counts and times without the buckets: what a product grain stores beside the pages.</summary>
    public ProductHistory WithoutBuckets() => new()
    {
        Readings = Readings,
        LatestEventUtc = LatestEventUtc,
        Outliers = Outliers,
        _outlierCandidate = _outlierCandidate,
    };

    /// <summary>Aggregates of each metric over its retained buckets, ordered by metric.</summary>
    public AggregateView[] Aggregates()
    {
        var views = new List<AggregateView>(_series.Count);
        foreach (var metric in Metrics)
        {
            var series = _series[metric];
            var stats = series.Merge(long.MinValue, long.MaxValue);
            views.Add(new AggregateView
            {
                Metric = metric,
                Count = stats.Count,
                Mean = stats.Mean,
                StdDev = stats.Count < 2 ? 0 : stats.StdDev,
                From = new DateTime(series.FirstStartTicks, DateTimeKind.Utc),
                To = new DateTime(series.LastStartTicks, DateTimeKind.Utc) + BucketSize,
                Buckets = series.Count,
            });
        }

        return [.. views];
    }

    private static BucketSeries SeriesOf(Dictionary<string, BucketSeries> byMetric, string metric)
    {
        if (!byMetric.TryGetValue(metric, out var series))
        {
            series = new BucketSeries();
            byMetric.Add(metric, series);
        }

        return series;
    }

    private static Dictionary<string, BucketSeries> Slice(Dictionary<string, BucketSeries> byMetric, long startTicks)
    {
        var slices = new Dictionary<string, BucketSeries>();
        foreach (var (metric, series) in byMetric)
        {
            var slice = series.Slice(startTicks, startTicks + PageSize.Ticks);
            if (slice.Count > 0)
            {
                slices.Add(metric, slice);
            }
        }
        return slices;
    }

    private static void AddBuckets(Dictionary<string, BucketSeries> byMetric, Dictionary<string, BucketSeries> page)
    {
        foreach (var (metric, series) in page)
        {
            SeriesOf(byMetric, metric).AddBuckets(series);
        }
    }

    private static void RemoveBefore(Dictionary<string, BucketSeries> byMetric, long cutoff)
    {
        foreach (var (metric, series) in byMetric.ToArray())
        {
            series.RemoveBefore(cutoff);
            if (series.Count == 0)
            {
                byMetric.Remove(metric);
            }
        }
    }

    private static (DateTime Start, DateTime End) LimitsWindow(DateOnly date, SpcCalendar calendar, SpcOptions settings)
    {
        var end = calendar.StartOfDayUtc(date);
        return (Earlier(end, settings.Window), end);
    }

    private static DateTime RetentionStart(DateTime latest, SpcCalendar calendar, SpcOptions settings)
    {
        var today = calendar.DayOf(latest);
        var todayStart = calendar.StartOfDayUtc(today);
        var fixedLength = Earlier(Earlier(todayStart, settings.Window), OneDay);
        if (today == DateOnly.MinValue)
        {
            return fixedLength;
        }

        var yesterdayWindow = Earlier(calendar.StartOfDayUtc(today.AddDays(-1)), settings.Window);
        return yesterdayWindow < fixedLength ? yesterdayWindow : fixedLength;
    }

    private static DateTime Earlier(DateTime value, TimeSpan span) =>
        value.Ticks > span.Ticks ? value - span : new DateTime(0, DateTimeKind.Utc);
}
