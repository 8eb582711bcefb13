using System.Globalization;
using Actors.Detection.Spc;
using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// Judges a value of a product metric on the charts its <see cref="SeriesRules"/> enable, centred on the day's limits:
/// the Nelson tests on the individuals chart and on the X-bar chart of consecutive subgroups of five
/// (<see cref="AnomalyType.RunRule"/>), the moving range against 3.267 MR-bar (<see cref="AnomalyType.MovingRange"/>),
/// EWMA (<see cref="AnomalyType.Ewma"/>) and tabular CUSUM (<see cref="AnomalyType.Cusum"/>) with the limits' mean and
/// sigma. A new day's limits restart every chart but the moving range.
/// </summary>
public sealed class SeriesChartJudge(SeriesRulesBook rules)
{
    /// <summary>Scratch list of the current thread: one judge serves every device grain of a silo at once.</summary>
    [ThreadStatic]
    private static List<RunRuleViolation>? t_violations;

    /// <summary>Judges <paramref name="metric"/>'s value, measured at <paramref name="time"/>, against <paramref name="limits"/>.</summary>
    public void Judge(
        string deviceId,
        DeviceState state,
        string productId,
        DateTime time,
        Metric metric,
        ControlLimits limits,
        List<Anomaly> anomalies)
    {
        var series = rules.For(productId, metric.Name);
        if (!series.AnyChart)
        {
            return;
        }

        var charts = state.TouchCharts(productId, metric.Name, time);
        if (charts.LimitsDate != limits.Date)
        {
            charts.Restart(limits.Date);
        }

        var context = new Context(deviceId, productId, time, metric.Name, limits, anomalies);
        var x = metric.Value;
        if (series.RunRules.Any)
        {
            JudgeRunRules(charts.Individuals, x, ChartZones.Individuals(limits), series.RunRules, limits.UclI, limits.LclI, "I", "individuals chart", context);
            if (series.RunRulesOnXBar)
            {
                charts.SubgroupSum += x;
                if (++charts.SubgroupCount == ControlLimitCalculator.SubgroupSize)
                {
                    var mean = charts.SubgroupSum / ControlLimitCalculator.SubgroupSize;
                    charts.SubgroupSum = 0;
                    charts.SubgroupCount = 0;
                    JudgeRunRules(charts.XBar, mean, ChartZones.XBar(limits), series.RunRules, limits.UclX, limits.LclX, "X", "X-bar chart, subgroups of 5", context);
                }
            }
        }

        if (series.MovingRange && charts.MovingRange.Add(x) is { } range)
        {
            var upper = MovingRangeChart.UpperLimit(ControlLimitCalculator.MovingRangeCenter(limits));
            if (range > upper)
            {
                context.Add(AnomalyType.MovingRange, null, range, upper, 0, Text($"moving range {range:G6} > UCL-MR {upper:G6} (3.267 MR-bar)"));
            }
        }

        var sigma = ControlLimitCalculator.Sigma(limits);
        if (!(sigma > 0))
        {
            return;
        }

        if (series.EwmaOn)
        {
            var point = charts.Ewma.Add(x, limits.Mean, sigma, series.Ewma);
            if (point.Signals)
            {
                var above = point.Statistic > point.Upper;
                context.Add(AnomalyType.Ewma, null, point.Statistic, point.Upper, point.Lower, above
                    ? Text($"EWMA (lambda {series.Ewma.Lambda}, L {series.Ewma.L}) {point.Statistic:G6} > UCL {point.Upper:G6}")
                    : Text($"EWMA (lambda {series.Ewma.Lambda}, L {series.Ewma.L}) {point.Statistic:G6} < LCL {point.Lower:G6}"));
            }
        }

        if (series.CusumOn)
        {
            var point = charts.Cusum.Add(x, limits.Mean, sigma, series.Cusum);
            if (point.SignalsUp)
            {
                context.Add(AnomalyType.Cusum, "Up", point.Upper, point.DecisionInterval, null,
                    Text($"CUSUM C+ {point.Upper:G6} > H {point.DecisionInterval:G6} (k {series.Cusum.K}, h {series.Cusum.H} sigma): mean shifted up, about {point.UpperRun} points ago"));
            }

            if (point.SignalsDown)
            {
                context.Add(AnomalyType.Cusum, "Down", point.Lower, point.DecisionInterval, null,
                    Text($"CUSUM C- {point.Lower:G6} > H {point.DecisionInterval:G6} (k {series.Cusum.K}, h {series.Cusum.H} sigma): mean shifted down, about {point.LowerRun} points ago"));
            }
        }
    }

    private void JudgeRunRules(
        RunRuleChart chart,
        double x,
        ChartZones zones,
        RunRuleSettings settings,
        double upper,
        double lower,
        string chartCode,
        string chartName,
        Context context)
    {
        var violations = t_violations ??= [];
        violations.Clear();
        chart.Add(x, zones, settings, violations);
        foreach (var violation in violations)
        {
            context.Add(AnomalyType.RunRule, $"{chartCode}{(int)violation.Test}", x, upper, lower, $"{violation.Description} ({chartName})");
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Context(
        string DeviceId, string ProductId, DateTime Time, string Metric, ControlLimits Limits, List<Anomaly> Anomalies)
    {
        public void Add(AnomalyType type, string? qualifier, double measured, double? upper, double? lower, string rule) =>
            Anomalies.Add(new Anomaly
            {
                AlertId = AlertIds.Qualified(DeviceId, Metric, type, Time, qualifier),
                AnomalyType = type,
                TargetTime = Time,
                DetectedAt = Time,
                MeasuredValue = measured,
                UpperLimit = upper,
                LowerLimit = lower,
                BaselineRef = Limits.DateKey,
                ProductId = ProductId,
                DeviceId = DeviceId,
                Metric = Metric,
                Rule = rule,
            });
    }
}
