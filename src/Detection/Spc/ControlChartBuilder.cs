using System.Globalization;
using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// Builds a control chart of a series to draw from its values, the day's limits and the product metric's rules, with
/// the same engines the devices judge with, run from the first value shown:
/// <list type="bullet">
/// <item>individuals: the values against UCL-I and LCL-I (<c>P</c> beyond them, a <c>Provisional</c> anomaly) and every
/// configured Nelson test the values complete (label = the test number);</item>
/// <item>moving range: |x_t − x_(t−1)| against 3.267 MR-bar (<c>MR</c>);</item>
/// <item>X-bar: the means of consecutive subgroups of five against UCL-X and LCL-X (<c>X</c>), and the Nelson tests
/// when <see cref="SeriesRules.RunRulesOnXBar"/>;</item>
/// <item>EWMA with the configured lambda and L (<c>E</c>);</item>
/// <item>tabular CUSUM with the configured k and h, restarting after a signal (<c>C+</c>, <c>C-</c>).</item>
/// </list>
/// EWMA and CUSUM need the day's mean and sigma: without limits they have no points.
/// </summary>
public static class ControlChartBuilder
{
    /// <summary>The <paramref name="kind"/> chart of <paramref name="values"/> (oldest first) against <paramref name="limits"/>.</summary>
    public static ControlChart Build(
        ChartKind kind,
        string productId,
        string? deviceId,
        string metric,
        DateOnly date,
        ControlLimits? limits,
        IReadOnlyList<(DateTime Time, double Value)> values,
        SeriesRules rules)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rules);
        var chart = new ControlChart
        {
            Kind = kind,
            ProductId = productId,
            DeviceId = deviceId,
            Metric = metric,
            Date = date,
            Limits = limits,
            Values = values.Count,
        };
        return kind switch
        {
            ChartKind.Individuals => Individuals(chart, limits, values, rules.RunRules),
            ChartKind.MovingRange => MovingRanges(chart, limits, values),
            ChartKind.XBar => XBar(chart, limits, values, rules),
            ChartKind.Ewma => limits is null || !(ControlLimitCalculator.Sigma(limits) > 0) ? chart : Ewma(chart, limits, values, rules.Ewma),
            ChartKind.Cusum => limits is null || !(ControlLimitCalculator.Sigma(limits) > 0) ? chart : Cusum(chart, limits, values, rules.Cusum),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a chart kind."),
        };
    }

    private static ControlChart Individuals(ControlChart chart, ControlLimits? limits, IReadOnlyList<(DateTime Time, double Value)> values, RunRuleSettings runRules)
    {
        var points = values.Select(v => new ChartPoint { Time = v.Time, Value = v.Value, Upper = limits?.UclI, Lower = limits?.LclI }).ToArray();
        if (limits is null)
        {
            return chart with { Points = points };
        }

        var violations = new List<ChartViolation>();
        var runs = new RunRuleChart();
        var zones = ChartZones.Individuals(limits);
        for (var i = 0; i < points.Length; i++)
        {
            var x = points[i].Value;
            if (x > limits.UclI || x < limits.LclI)
            {
                violations.Add(Violation(i, "P", x, x > limits.UclI ? Text($"beyond UCL-I {limits.UclI:G6}") : Text($"beyond LCL-I {limits.LclI:G6}")));
            }

            AddRunRules(runs, i, x, zones, runRules, violations);
        }

        return chart with { Points = points, Center = limits.Mean, Violations = [.. violations] };
    }

    private static ControlChart MovingRanges(ControlChart chart, ControlLimits? limits, IReadOnlyList<(DateTime Time, double Value)> values)
    {
        double? center = limits is null ? null : ControlLimitCalculator.MovingRangeCenter(limits);
        double? upper = center is { } c ? MovingRangeChart.UpperLimit(c) : null;
        var ranges = new MovingRangeChart();
        var points = new List<ChartPoint>();
        var violations = new List<ChartViolation>();
        foreach (var (time, value) in values)
        {
            if (ranges.Add(value) is not { } range)
            {
                continue;
            }

            if (range > upper)
            {
                violations.Add(Violation(points.Count, "MR", range, Text($"moving range {range:G6} > UCL-MR {upper:G6} (3.267 MR-bar)")));
            }

            points.Add(new ChartPoint { Time = time, Value = range, Upper = upper, Lower = upper is null ? null : 0 });
        }

        return chart with { Points = [.. points], Center = center, Violations = [.. violations] };
    }

    private static ControlChart XBar(ControlChart chart, ControlLimits? limits, IReadOnlyList<(DateTime Time, double Value)> values, SeriesRules rules)
    {
        var size = ControlLimitCalculator.SubgroupSize;
        var points = new ChartPoint[values.Count / size];
        for (var i = 0; i < points.Length; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < size; j++)
            {
                sum += values[i * size + j].Value;
            }

            points[i] = new ChartPoint { Time = values[i * size + size - 1].Time, Value = sum / size, Upper = limits?.UclX, Lower = limits?.LclX };
        }

        if (limits is null)
        {
            return chart with { Points = points };
        }

        var violations = new List<ChartViolation>();
        var runs = new RunRuleChart();
        var zones = ChartZones.XBar(limits);
        var runRules = rules.RunRulesOnXBar ? rules.RunRules : RunRuleSettings.None;
        for (var i = 0; i < points.Length; i++)
        {
            var mean = points[i].Value;
            if (mean > limits.UclX || mean < limits.LclX)
            {
                violations.Add(Violation(i, "X", mean, mean > limits.UclX ? Text($"subgroup mean beyond UCL-X {limits.UclX:G6}") : Text($"subgroup mean beyond LCL-X {limits.LclX:G6}")));
            }

            AddRunRules(runs, i, mean, zones, runRules, violations);
        }

        return chart with { Points = points, Center = limits.Mean, Violations = [.. violations] };
    }

    private static ControlChart Ewma(ControlChart chart, ControlLimits limits, IReadOnlyList<(DateTime Time, double Value)> values, EwmaSettings settings)
    {
        var sigma = ControlLimitCalculator.Sigma(limits);
        var ewma = new EwmaChart();
        var points = new ChartPoint[values.Count];
        var violations = new List<ChartViolation>();
        for (var i = 0; i < points.Length; i++)
        {
            var point = ewma.Add(values[i].Value, limits.Mean, sigma, settings);
            points[i] = new ChartPoint { Time = values[i].Time, Value = point.Statistic, Upper = point.Upper, Lower = point.Lower };
            if (point.Signals)
            {
                violations.Add(Violation(i, "E", point.Statistic, point.Statistic > point.Upper
                    ? Text($"EWMA {point.Statistic:G6} > UCL {point.Upper:G6}")
                    : Text($"EWMA {point.Statistic:G6} < LCL {point.Lower:G6}")));
            }
        }

        return chart with
        {
            Points = points,
            Center = limits.Mean,
            Violations = [.. violations],
            Parameters = Text($"lambda {settings.Lambda}, L {settings.L}"),
        };
    }

    private static ControlChart Cusum(ControlChart chart, ControlLimits limits, IReadOnlyList<(DateTime Time, double Value)> values, CusumSettings settings)
    {
        var sigma = ControlLimitCalculator.Sigma(limits);
        var cusum = new CusumChart();
        var upper = new ChartPoint[values.Count];
        var lower = new ChartPoint[values.Count];
        var violations = new List<ChartViolation>();
        for (var i = 0; i < upper.Length; i++)
        {
            var point = cusum.Add(values[i].Value, limits.Mean, sigma, settings);
            var h = point.DecisionInterval;
            upper[i] = new ChartPoint { Time = values[i].Time, Value = point.Upper, Upper = h };
            lower[i] = new ChartPoint { Time = values[i].Time, Value = -point.Lower, Lower = -h };
            if (point.SignalsUp)
            {
                violations.Add(Violation(i, "C+", point.Upper, Text($"CUSUM C+ {point.Upper:G6} > H {h:G6}: mean shifted up, about {point.UpperRun} points ago")));
            }

            if (point.SignalsDown)
            {
                violations.Add(Violation(i, "C-", -point.Lower, Text($"CUSUM C- {point.Lower:G6} > H {h:G6}: mean shifted down, about {point.LowerRun} points ago")));
            }
        }

        return chart with
        {
            Points = upper,
            LowerPoints = lower,
            Center = 0,
            Violations = [.. violations],
            Parameters = Text($"k {settings.K}, h {settings.H}, target {limits.Mean:G6}, sigma {sigma:G6}"),
        };
    }

    private static void AddRunRules(RunRuleChart runs, int index, double x, ChartZones zones, RunRuleSettings settings, List<ChartViolation> violations)
    {
        var found = new List<RunRuleViolation>();
        runs.Add(x, zones, settings, found);
        violations.AddRange(found.Select(v => Violation(index, ((int)v.Test).ToString(CultureInfo.InvariantCulture), x, v.Description)));
    }

    private static ChartViolation Violation(int index, string label, double value, string description) =>
        new() { Index = index, Label = label, Value = value, Description = description };

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
