using System.Globalization;
using Actors.Grains.Interfaces;
using ScottPlot;

namespace Actors.Admin.Charts;

/// <summary>
/// Draws an individuals control chart with ScottPlot: the 1, 2 and 3 sigma zones as bands, center line and control
/// limits, the points, and violations marked in red with their label (the Nelson test number, <c>P</c> beyond the limits).
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

    private static Plot Draw(ControlChart chart)
    {
        var plot = new Plot();
        var xs = chart.Points.Select(p => p.Time.ToOADate()).ToArray();
        var ys = chart.Points.Select(p => p.Value).ToArray();
        if (chart.Limits is { } limits)
        {
            var above = (limits.UclI - limits.Mean) / 3;
            var below = (limits.Mean - limits.LclI) / 3;
            Band(plot, limits.Mean + 2 * above, limits.UclI, Colors.Red);
            Band(plot, limits.Mean + above, limits.Mean + 2 * above, Colors.Gold);
            Band(plot, limits.Mean - below, limits.Mean + above, Colors.Green);
            Band(plot, limits.Mean - 2 * below, limits.Mean - below, Colors.Gold);
            Band(plot, limits.LclI, limits.Mean - 2 * below, Colors.Red);
            Line(plot, limits.UclI, $"UCL {Number(limits.UclI)}", Colors.Red, LinePattern.Dashed);
            Line(plot, limits.Mean, $"CL {Number(limits.Mean)}", Colors.Black, LinePattern.Solid);
            Line(plot, limits.LclI, $"LCL {Number(limits.LclI)}", Colors.Red, LinePattern.Dashed);
        }

        var points = plot.Add.Scatter(xs, ys, Colors.SteelBlue);
        points.MarkerSize = 4;
        points.LineWidth = 1;
        points.LegendText = chart.Metric;

        if (chart.Violations.Length > 0)
        {
            var marked = chart.Violations.Select(v => v.Index).Distinct().ToArray();
            var markers = plot.Add.Markers(marked.Select(i => xs[i]).ToArray(), marked.Select(i => ys[i]).ToArray(), MarkerShape.OpenCircle, 12, Colors.Red);
            markers.LegendText = "violation (label: Nelson test, P: beyond the limits)";
            foreach (var group in chart.Violations.GroupBy(v => v.Index))
            {
                var label = plot.Add.Text(string.Join(",", group.Select(v => v.Label).Distinct()), xs[group.Key], ys[group.Key]);
                label.LabelFontColor = Colors.Red;
                label.LabelFontSize = 12;
                label.LabelBold = true;
                label.LabelAlignment = Alignment.LowerCenter;
                label.OffsetY = -8;
            }
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title(Title(chart));
        plot.YLabel(chart.Metric);
        plot.XLabel($"event time (UTC), {chart.Points.Length} points");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static void Band(Plot plot, double from, double to, Color color)
    {
        var band = plot.Add.VerticalSpan(from, to);
        band.FillStyle.Color = color.WithAlpha(0.12);
        band.LineStyle.Width = 0;
    }

    private static void Line(Plot plot, double y, string text, Color color, LinePattern pattern)
    {
        var line = plot.Add.HorizontalLine(y, 1.5f, color, pattern);
        line.LegendText = text;
    }

    private static string Title(ControlChart chart) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Individuals chart: product {chart.ProductId}, {chart.Metric}{(chart.DeviceId is null ? ", all devices" : $", device {chart.DeviceId}")}, {chart.Date:yyyy-MM-dd}");

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
