using System.Globalization;
using Actors.Grains.Interfaces;
using ScottPlot;

namespace Actors.Admin.Charts;

/// <summary>
/// Draws a control chart with ScottPlot: on the individuals and X-bar charts the 1, 2 and 3 sigma zones as bands; the
/// center line and control limits (a stepped line where they change from point to point, as the EWMA limits do); the
/// points (on a CUSUM chart C⁺ above zero and −C⁻ below); and violations marked in red with their label.
/// </summary>
public static class ControlChartPlot
{
    private const int Width = 1200;
    private const int Height = 600;

    /// <summary>The file formats the chart can be written in, by file extension.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".svg", ".png"];

    /// <summary>Writes <paramref name="chart"/> to <paramref name="path"/>, SVG or PNG by its extension.</summary>
    public static void Save(ControlChart chart, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = Draw(chart);
        if (string.Equals(Path.GetExtension(path), ".png", StringComparison.OrdinalIgnoreCase))
        {
            plot.SavePng(path, Width, Height);
        }
        else
        {
            plot.SaveSvg(path, Width, Height);
        }
    }

    /// <summary>The name of <paramref name="kind"/> as a quality engineer says it.</summary>
    public static string Name(ChartKind kind) => kind switch
    {
        ChartKind.MovingRange => "Moving-range chart",
        ChartKind.XBar => "X-bar chart (subgroups of 5)",
        ChartKind.Ewma => "EWMA chart",
        ChartKind.Cusum => "Tabular CUSUM chart",
        _ => "Individuals chart",
    };

    private static Plot Draw(ControlChart chart)
    {
        var plot = new Plot();
        var xs = chart.Points.Select(p => p.Time.ToOADate()).ToArray();
        var first = chart.Points.FirstOrDefault();
        if (chart.Kind is ChartKind.Individuals or ChartKind.XBar && chart.Center is { } mean && first is { Upper: { } ucl, Lower: { } lcl })
        {
            var above = (ucl - mean) / 3;
            var below = (mean - lcl) / 3;
            Band(plot, mean + 2 * above, ucl, Colors.Red);
            Band(plot, mean + above, mean + 2 * above, Colors.Gold);
            Band(plot, mean - below, mean + above, Colors.Green);
            Band(plot, mean - 2 * below, mean - below, Colors.Gold);
            Band(plot, lcl, mean - 2 * below, Colors.Red);
        }

        Limit(plot, chart.Points, p => p.Upper, chart.Kind == ChartKind.Cusum ? "H" : "UCL");
        if (chart.Center is { } center)
        {
            var line = plot.Add.HorizontalLine(center, 1.5f, Colors.Black, LinePattern.Solid);
            line.LegendText = $"CL {Number(center)}";
        }

        Limit(plot, chart.Points, p => p.Lower, "LCL");
        Limit(plot, chart.LowerPoints, p => p.Lower, "-H");
        Series(plot, chart.Points, Colors.SteelBlue, chart.Kind == ChartKind.Cusum ? $"C+ of {chart.Metric}" : Statistic(chart));
        if (chart.LowerPoints.Length > 0)
        {
            Series(plot, chart.LowerPoints, Colors.DarkOrange, $"-C- of {chart.Metric}");
        }

        if (chart.Violations.Length > 0)
        {
            var marked = chart.Violations.DistinctBy(v => (v.Index, v.Value)).ToArray();
            var markers = plot.Add.Markers(marked.Select(v => xs[v.Index]).ToArray(), marked.Select(v => v.Value).ToArray(), MarkerShape.OpenCircle, 12, Colors.Red);
            markers.LegendText = chart.Kind is ChartKind.Individuals or ChartKind.XBar
                ? "violation (label: Nelson test; P, X: beyond the limits)"
                : "violation";
            foreach (var group in chart.Violations.GroupBy(v => (v.Index, v.Value)))
            {
                var label = plot.Add.Text(string.Join(",", group.Select(v => v.Label).Distinct()), xs[group.Key.Index], group.Key.Value);
                label.LabelFontColor = Colors.Red;
                label.LabelFontSize = 12;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.LowerCenter;
                label.OffsetY = -8;
            }
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title(Title(chart));
        plot.YLabel(Statistic(chart));
        plot.XLabel(string.Create(CultureInfo.InvariantCulture, $"event time (UTC), {chart.Points.Length} points from {chart.Values} values"));
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>A limit as a horizontal line when it is the same at every point, else as a stepped line through the points.</summary>
    private static void Limit(Plot plot, ChartPoint[] points, Func<ChartPoint, double?> limitOf, string name)
    {
        var limits = points.Select(limitOf).ToArray();
        if (limits.Length == 0 || limits.Any(l => l is null))
        {
            return;
        }

        var values = limits.Select(l => l!.Value).ToArray();
        if (values.All(v => v == values[0]))
        {
            var line = plot.Add.HorizontalLine(values[0], 1.5f, Colors.Red, LinePattern.Dashed);
            line.LegendText = $"{name} {Number(values[0])}";
            return;
        }

        var stepped = plot.Add.Scatter(points.Select(p => p.Time.ToOADate()).ToArray(), values, Colors.Red);
        stepped.ConnectStyle = ConnectStyle.StepHorizontal;
        stepped.LinePattern = LinePattern.Dashed;
        stepped.MarkerSize = 0;
        stepped.LegendText = $"{name} {Number(values[0])} to {Number(values[^1])}";
    }

    private static void Series(Plot plot, ChartPoint[] points, Color color, string legend)
    {
        var scatter = plot.Add.Scatter(points.Select(p => p.Time.ToOADate()).ToArray(), points.Select(p => p.Value).ToArray(), color);
        scatter.MarkerSize = 4;
        scatter.LineWidth = 1;
        scatter.LegendText = legend;
    }

    private static void Band(Plot plot, double from, double to, Color color)
    {
        var band = plot.Add.VerticalSpan(from, to);
        band.FillStyle.Color = color.WithAlpha(0.12);
        band.LineStyle.Width = 0;
    }

    private static string Statistic(ControlChart chart) => chart.Kind switch
    {
        ChartKind.MovingRange => $"moving range of {chart.Metric}",
        ChartKind.XBar => $"mean of 5 {chart.Metric}",
        ChartKind.Ewma => $"EWMA of {chart.Metric}",
        ChartKind.Cusum => $"CUSUM of {chart.Metric}: C+ above 0, -C- below",
        _ => chart.Metric,
    };

    private static string Title(ControlChart chart) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Name(chart.Kind)}: product {chart.ProductId}, {chart.Metric}{(chart.DeviceId is null ? ", all devices" : $", device {chart.DeviceId}")}, {chart.Date:yyyy-MM-dd}{(chart.Parameters.Length > 0 ? $" ({chart.Parameters})" : "")}");

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
