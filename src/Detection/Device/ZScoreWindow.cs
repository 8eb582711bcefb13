using System.Globalization;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// An open fixed (tumbling) event-time window [<see cref="Start"/>, <see cref="End"/>) of one metric, aligned to the
/// UTC epoch (start = floor(t / W) * W), holding the values that fell into it.
/// </summary>
[GenerateSerializer, Alias("device-zscore-window")]
public sealed class ZScoreWindow
{
    /// <summary>The metric the window collects.</summary>
    [Id(0)] public string Metric { get; set; } = string.Empty;

    /// <summary>Start of the window (UTC, inclusive).</summary>
    [Id(1)] public DateTime Start { get; set; }

    /// <summary>End of the window (UTC, exclusive).</summary>
    [Id(2)] public DateTime End { get; set; }

    /// <summary>The values in the window, in arrival order.</summary>
    [Id(3)] public List<WindowSample> Samples { get; set; } = [];

    /// <summary>Number of values in the window.</summary>
    public int Count => Samples.Count;

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

    /// <summary>Empties the window and moves it to the one containing <paramref name="time"/>.</summary>
    /// <param name="time">An event time (UTC) the window must contain.</param>
    /// <param name="widthTicks">Window length in ticks (positive).</param>
    public void Restart(DateTime time, long widthTicks)
    {
        Start = AlignStart(time, widthTicks);
        var endTicks = DateTime.MaxValue.Ticks - Start.Ticks < widthTicks ? DateTime.MaxValue.Ticks : Start.Ticks + widthTicks;
        End = new DateTime(endTicks, DateTimeKind.Utc);
        Samples.Clear();
    }

    /// <summary>Adds a value.</summary>
    /// <param name="time">Event time (UTC) of the reading.</param>
    /// <param name="value">The value.</param>
    /// <param name="productId">The reading's product, if any.</param>
    public void Add(DateTime time, double value, string? productId) => Samples.Add(new WindowSample(time, value, productId));

    /// <summary>
    /// Mean and sample standard deviation (n - 1) of the values, by the corrected two-pass algorithm.
    /// The standard deviation is 0 with fewer than two values.
    /// </summary>
    public (double Mean, double StdDev) ComputeStatistics()
    {
        var n = Samples.Count;
        if (n == 0)
        {
            return (0, 0);
        }

        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += Samples[i].Value;
        }

        var mean = sum / n;
        if (n < 2)
        {
            return (mean, 0);
        }

        var squares = 0.0;
        var compensation = 0.0;
        for (var i = 0; i < n; i++)
        {
            var deviation = Samples[i].Value - mean;
            squares += deviation * deviation;
            compensation += deviation;
        }

        var variance = (squares - (compensation * compensation / n)) / (n - 1);
        return (mean, variance > 0 ? Math.Sqrt(variance) : 0);
    }

    /// <summary>
    /// Judges the closed window: with at least <see cref="ZScoreRule.MinSamples"/> values and a positive standard
    /// deviation, every value with |x - mean| / sd strictly above the bound becomes a <see cref="AnomalyType.ZScore"/> anomaly.
    /// </summary>
    /// <param name="deviceId">The device the window belongs to.</param>
    /// <param name="rule">The z-score rule in force.</param>
    /// <param name="anomalies">Receives the anomalies found, in the window's arrival order.</param>
    public void Judge(string deviceId, ZScoreRule rule, List<Anomaly> anomalies)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(anomalies);
        if (Samples.Count < rule.MinSamples)
        {
            return;
        }

        var (mean, sd) = ComputeStatistics();
        if (!(sd > 0))
        {
            return;
        }

        string? ruleText = null;
        for (var i = 0; i < Samples.Count; i++)
        {
            var sample = Samples[i];
            var z = (sample.Value - mean) / sd;
            if (Math.Abs(z) > rule.Bound)
            {
                ruleText ??= string.Create(
                    CultureInfo.InvariantCulture,
                    $"|z| > {rule.Bound} in {(End - Start).TotalSeconds} s window");
                anomalies.Add(new Anomaly
                {
                    AlertId = AlertIds.For(deviceId, Metric, AnomalyType.ZScore, sample.Time),
                    AnomalyType = AnomalyType.ZScore,
                    TargetTime = sample.Time,
                    MeasuredValue = sample.Value,
                    UpperLimit = mean + (rule.Bound * sd),
                    LowerLimit = mean - (rule.Bound * sd),
                    ProductId = sample.ProductId,
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
}
