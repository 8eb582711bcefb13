using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// An open fixed (tumbling) event-time window [<see cref="Start"/>, <see cref="End"/>) of one metric, aligned to the
/// UTC epoch (start = floor(t / W) * W). It counts every value and holds at most <see cref="ZScoreRule.MaxSamples"/> of
/// them (packed, <see cref="WindowSamples"/>); from the first value it cannot hold, it keeps the running mean and sum of
/// squared deviations of them all (<see cref="RunningMoments"/>).
/// </summary>
/// <remarks>
/// While the window holds every value, its statistics are computed from the values exactly as they always were. Once
/// it is full, each further value pushes out the middle-ranked one, so the window keeps the K/2 smallest and the K/2
/// largest values: only extreme values can lie more than the bound away from the mean. Judged against the running
/// mean and standard deviation, the result is exact as long as no more than K/2 values on either side exceed the bound.
/// </remarks>
[GenerateSerializer, Alias("device-zscore-window")]
public sealed class ZScoreWindow
{
    private const int StackScratchLimit = 256;

    /// <summary>The metric the window collects.</summary>
    [Id(0)] public string Metric { get; set; } = string.Empty;

    /// <summary>Start of the window (UTC, inclusive).</summary>
    [Id(1)] public DateTime Start { get; set; }

    /// <summary>End of the window (UTC, exclusive).</summary>
    [Id(2)] public DateTime End { get; set; }

    /// <summary>The values held, in arrival order: all of them, or the most extreme ones once more than the cap arrived.</summary>
    [Id(10)] public WindowSamples Samples { get; set; } = new();

    /// <summary>Number of values that fell into the window, held or not.</summary>
    [Id(4)] public long Count { get; set; }

    /// <summary>Mean and squared deviations of every value that fell into the window, kept from the first value the window could not hold; null before.</summary>
    [Id(11)] public RunningMoments? Running { get; set; }

    /// <summary>The product of the window's first value.</summary>
    [Id(7)] public string? ProductId { get; set; }

    /// <summary>Later product switches inside the window, oldest first; null when there were none.</summary>
    [Id(8)] public List<ProductChange>? ProductChanges { get; set; }

    /// <summary>True while the window holds every value that fell into it.</summary>
    internal bool HoldsEveryValue => Samples.Count == Count;

    /// <summary>Opens the window of <paramref name="metric"/> that contains <paramref name="time"/>.</summary>
    /// <param name="metric">The metric name.</param>
    /// <param name="time">An event time (UTC) the window must contain.</param>
    /// <param name="widthTicks">Window length in ticks (positive).</param>
    public static ZScoreWindow Open(string metric, DateTime time, long widthTicks)
    {
        var window = new ZScoreWindow { Metric = metric };
        window.Restart(time, widthTicks);
        return window;
    }

    /// <summary>The epoch-aligned start of the window of length <paramref name="widthTicks"/> containing <paramref name="time"/>.</summary>
    /// <param name="time">An event time (UTC).</param>
    /// <param name="widthTicks">Window length in ticks (positive).</param>
    public static DateTime AlignStart(DateTime time, long widthTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthTicks);
        var offset = time.Ticks - DateTime.UnixEpoch.Ticks;
        var windows = offset / widthTicks;
        if (offset % widthTicks < 0)
        {
            windows--;
        }

        var startTicks = DateTime.UnixEpoch.Ticks + (windows * widthTicks);
        return new DateTime(Math.Max(startTicks, DateTime.MinValue.Ticks), DateTimeKind.Utc);
    }

    /// <summary>
    /// Empties the window and moves it to the one containing <paramref name="time"/>. The samples keep room for about
    /// as many bytes as the closed window's took (see <see cref="WindowSamples.Clear"/>).
    /// </summary>
    /// <param name="time">An event time (UTC) the window must contain.</param>
    /// <param name="widthTicks">Window length in ticks (positive).</param>
    public void Restart(DateTime time, long widthTicks)
    {
        Start = AlignStart(time, widthTicks);
        var endTicks = DateTime.MaxValue.Ticks - Start.Ticks < widthTicks ? DateTime.MaxValue.Ticks : Start.Ticks + widthTicks;
        End = new DateTime(endTicks, DateTimeKind.Utc);
        Samples.Clear();
        Count = 0;
        Running = null;
        ProductId = null;
        ProductChanges = null;
    }

    /// <summary>Adds a value; when the window then holds more than <paramref name="maxSamples"/>, the middle-ranked values go.</summary>
    /// <param name="time">Event time (UTC) of the reading, inside the window.</param>
    /// <param name="value">The value.</param>
    /// <param name="productId">The reading's product, if any.</param>
    /// <param name="maxSamples">How many values the window may hold (at least 2).</param>
    public void Add(DateTime time, double value, string? productId, int maxSamples)
    {
        var offset = time.Ticks - Start.Ticks;
        if (Count == 0)
        {
            ProductId = NamePool.InternOrNull(productId);
        }
        else if (!string.Equals(CurrentProduct, productId, StringComparison.Ordinal))
        {
            (ProductChanges ??= []).Add(new ProductChange(offset, NamePool.InternOrNull(productId)));
        }

        Count++;
        Samples.Add(offset, value);
        if (Running is { } running)
        {
            running.Add(value, Count);
        }
        else if (Samples.Count > maxSamples)
        {
            Running = RunningMoments.Of(Samples);
        }

        while (Samples.Count > maxSamples)
        {
            Samples.RemoveAt(IndexOfRank(maxSamples / 2));
        }
    }

    /// <summary>
    /// Mean and sample standard deviation (n - 1) of every value that fell into the window: by the corrected two-pass
    /// algorithm over the values while the window holds them all, from the running sums once it does not.
    /// The standard deviation is 0 with fewer than two values.
    /// </summary>
    public (double Mean, double StdDev) ComputeStatistics()
    {
        if (Running is { } running)
        {
            var runningVariance = running.SquaredDeviations / (Count - 1);
            return (running.Mean, runningVariance > 0 ? Math.Sqrt(runningVariance) : 0);
        }

        var n = Samples.Count;
        if (n == 0)
        {
            return (0, 0);
        }

        var sum = 0.0;
        foreach (var sample in Samples)
        {
            sum += sample.Value;
        }

        var mean = sum / n;
        if (n < 2)
        {
            return (mean, 0);
        }

        var squares = 0.0;
        var compensation = 0.0;
        foreach (var sample in Samples)
        {
            var deviation = sample.Value - mean;
            squares += deviation * deviation;
            compensation += deviation;
        }

        var variance = (squares - (compensation * compensation / n)) / (n - 1);
        return (mean, variance > 0 ? Math.Sqrt(variance) : 0);
    }

    /// <summary>
    /// Judges the closed window: with at least <see cref="ZScoreRule.MinSamples"/> values and a positive standard
    /// deviation, every value held with |x - mean| / sd strictly above the bound becomes a <see cref="AnomalyType.ZScore"/> anomaly.
    /// </summary>
    /// <param name="deviceId">The device the window belongs to.</param>
    /// <param name="rule">The z-score rule in force.</param>
    /// <param name="anomalies">Receives the anomalies found, in the window's arrival order.</param>
    public void Judge(string deviceId, ZScoreRule rule, List<Anomaly> anomalies)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(anomalies);
        if (Count < rule.MinSamples)
        {
            return;
        }

        var (mean, sd) = ComputeStatistics();
        if (!(sd > 0))
        {
            return;
        }

        string? ruleText = null;
        foreach (var sample in Samples)
        {
            var z = (sample.Value - mean) / sd;
            if (Math.Abs(z) > rule.Bound)
            {
                ruleText ??= string.Create(
                    CultureInfo.InvariantCulture,
                    $"|z| > {rule.Bound} in {(End - Start).TotalSeconds} s window");
                var time = new DateTime(Start.Ticks + sample.Offset, DateTimeKind.Utc);
                anomalies.Add(new Anomaly
                {
                    AlertId = AlertIds.For(deviceId, Metric, AnomalyType.ZScore, time),
                    AnomalyType = AnomalyType.ZScore,
                    TargetTime = time,
                    MeasuredValue = sample.Value,
                    UpperLimit = mean + (rule.Bound * sd),
                    LowerLimit = mean - (rule.Bound * sd),
                    ProductId = ProductAt(sample.Offset),
                    DeviceId = deviceId,
                    Metric = Metric,
                    ZScore = z,
                    WindowStart = Start,
                    WindowEnd = End,
                    DetectedAt = End,
                    Rule = ruleText,
                });
            }
        }
    }

    private string? CurrentProduct => ProductChanges is { Count: > 0 } changes ? changes[^1].ProductId : ProductId;

    private string? ProductAt(long offset)
    {
        if (ProductChanges is { } changes)
        {
            for (var i = changes.Count - 1; i >= 0; i--)
            {
                if (changes[i].Offset <= offset)
                {
                    return changes[i].ProductId;
                }
            }
        }

        return ProductId;
    }

    /// <summary>
    /// The index of the sample of rank <paramref name="rank"/> (0 = smallest) when ordered by value, equal values in
    /// arrival order.
    /// </summary>
    private int IndexOfRank(int rank)
    {
        var n = Samples.Count;
        var rented = n > StackScratchLimit ? ArrayPool<WindowSample>.Shared.Rent(n * 2) : null;
        try
        {
            var scratch = rented is null ? stackalloc WindowSample[n * 2] : rented.AsSpan(0, n * 2);
            var held = scratch[..n];
            Samples.CopyTo(held);
            var values = MemoryMarshal.Cast<WindowSample, double>(scratch[n..])[..n];
            for (var i = 0; i < n; i++)
            {
                values[i] = held[i].Value;
            }

            var pivot = Select(values, rank);
            var equalToSkip = rank;
            foreach (var sample in held)
            {
                if (sample.Value < pivot)
                {
                    equalToSkip--;
                }
            }

            for (var i = 0; i < n; i++)
            {
                if (held[i].Value == pivot && equalToSkip-- == 0)
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"No sample of rank {rank} among {n}.");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<WindowSample>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The <paramref name="k"/>-th smallest value (0-based) of <paramref name="values"/>, which it reorders (Hoare's selection).</summary>
    private static double Select(Span<double> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (left < right)
        {
            var pivot = values[left + ((right - left) / 2)];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }
}
