using System.Globalization;
using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// Builds the individuals chart of a series to draw: its points, the day's limits, and the violations marked the way
/// the devices judge them: a point beyond the individuals limits (label <c>P</c>, a <c>Provisional</c> anomaly) and
/// every configured Nelson test the points complete (label = the test number), the tests counted from the first
/// point shown.
/// </summary>
public static class ControlChartBuilder
{
    /// <summary>The chart of <paramref name="points"/> (oldest first) against <paramref name="limits"/>.</summary>
    public static ControlChart Build(
        string productId,
        string? deviceId,
        string metric,
        DateOnly date,
        ControlLimits? limits,
        IReadOnlyList<(DateTime Time, double Value)> points,
        RunRuleSettings runRules)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(runRules);
        var violations = new List<ChartViolation>();
        if (limits is not null)
        {
            var chart = new RunRuleChart();
            var zones = ChartZones.Individuals(limits);
            var found = new List<RunRuleViolation>();
            for (var i = 0; i < points.Count; i++)
            {
                var x = points[i].Value;
                if (x > limits.UclI || x < limits.LclI)
                {
                    violations.Add(new ChartViolation
                    {
                        Index = i,
                        Label = "P",
                        Description = x > limits.UclI
                            ? string.Create(CultureInfo.InvariantCulture, $"beyond UCL-I {limits.UclI:G6}")
                            : string.Create(CultureInfo.InvariantCulture, $"beyond LCL-I {limits.LclI:G6}"),
                    });
                }

                found.Clear();
                chart.Add(x, zones, runRules, found);
                violations.AddRange(found.Select(v => new ChartViolation
                {
                    Index = i,
                    Label = ((int)v.Test).ToString(CultureInfo.InvariantCulture),
                    Description = v.Description,
                }));
            }
        }

        return new ControlChart
        {
            ProductId = productId,
            DeviceId = deviceId,
            Metric = metric,
            Date = date,
            Limits = limits,
            Points = [.. points.Select(p => new ChartPoint { Time = p.Time, Value = p.Value })],
            Violations = [.. violations],
        };
    }
}
