using System.CommandLine;
using System.Globalization;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Spectre.Console;

namespace Actors.Admin.Charts;

/// <summary>The options and the output that <c>product chart</c> and <c>device chart</c> share.</summary>
public sealed class ChartCommandParts
{
    /// <summary><c>--metric M</c>.</summary>
    public Option<string> Metric { get; } = new("--metric") { Description = "The metric to chart, e.g. thickness", Required = true };

    /// <summary><c>--date yyyy-MM-dd</c>.</summary>
    public Option<string?> Date { get; } = new("--date") { Description = "The SPC day to chart (yyyy-MM-dd); default: the day of the latest point kept" };

    /// <summary><c>--chart individuals|mr|xbar|ewma|cusum</c>.</summary>
    public Option<string> Chart { get; } = CreateChartOption();

    /// <summary><c>--out FILE.svg|png</c>.</summary>
    public Option<string> Out { get; } = new("--out") { Description = "The file to write: .svg or .png", Required = true };

    private static readonly Dictionary<string, ChartKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["individuals"] = ChartKind.Individuals,
        ["mr"] = ChartKind.MovingRange,
        ["xbar"] = ChartKind.XBar,
        ["ewma"] = ChartKind.Ewma,
        ["cusum"] = ChartKind.Cusum,
    };

    /// <summary>The chart, metric, day and file of the command line, or bad input.</summary>
    public (ChartKind Chart, string Metric, DateOnly? Date, string File) Read(ParseResult parse)
    {
        var metric = parse.GetRequiredValue(Metric).Trim();
        if (metric.Length == 0)
        {
            throw AdminCommandException.BadInput("--metric must not be empty");
        }

        DateOnly? date = null;
        if (parse.GetValue(Date) is { } text)
        {
            date = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw AdminCommandException.BadInput($"--date '{text}' is not a date of the form yyyy-MM-dd");
        }

        var file = parse.GetRequiredValue(Out);
        if (!ControlChartPlot.Extensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
        {
            throw AdminCommandException.BadInput($"--out '{file}' must end in .svg or .png");
        }

        return (Kinds[parse.GetRequiredValue(Chart)], metric, date, Path.GetFullPath(file));
    }

    /// <summary>Draws <paramref name="chart"/> to <paramref name="file"/> and reports it; unknown ID when it has no points.</summary>
    public static void Write(AdminInvocation invocation, ControlChart chart, string file)
    {
        var series = string.Create(CultureInfo.InvariantCulture,
            $"'{chart.Metric}' for product '{chart.ProductId}'{(chart.DeviceId is null ? "" : $" and device '{chart.DeviceId}'")} on {chart.Date:yyyy-MM-dd}");
        if (chart.Values == 0)
        {
            throw AdminCommandException.UnknownId($"no points of {series} (the product grain keeps the last Spc:ChartPoints values per device and metric)");
        }

        if (chart.Points.Length == 0)
        {
            throw AdminCommandException.UnknownId(chart.Kind is ChartKind.Ewma or ChartKind.Cusum
                ? $"no limits for {series}: the {ControlChartPlot.Name(chart.Kind)} needs the day's mean and sigma"
                : string.Create(CultureInfo.InvariantCulture, $"{chart.Values} value(s) of {series} are too few for the {ControlChartPlot.Name(chart.Kind)}"));
        }

        ControlChartPlot.Save(chart, file);
        invocation.Report(ChartReport.From(chart, file), Render);
    }

    private static Option<string> CreateChartOption()
    {
        var option = new Option<string>("--chart")
        {
            Description = "Which chart: individuals (default), mr (moving range), xbar (subgroups of 5), ewma, cusum",
            DefaultValueFactory = _ => "individuals",
        };
        option.AcceptOnlyFromAmong([.. Kinds.Keys]);
        return option;
    }

    private static void Render(IAnsiConsole console, ChartReport report)
    {
        Readable.Heading(console, $"Wrote {report.File}: {ControlChartPlot.Name(report.Chart)}, {report.Points} points of {report.Metric}, product {report.ProductId}{(report.DeviceId is null ? "" : $", device {report.DeviceId}")}, {report.Date}"
            + (report.Parameters.Length > 0 ? $" ({report.Parameters})" : "")
            + (report.Center is { } center ? $", CL {Readable.Number(center)}" : ", no limits for the day")
            + (report.Upper is { } upper ? $", {(report.Chart == ChartKind.Cusum ? "H" : "UCL")} {Readable.Number(upper)}" : "")
            + (report.Lower is { } lower ? $", {(report.Chart == ChartKind.Cusum ? "-H" : "LCL")} {Readable.Number(lower)}" : ""));
        var violations = Readable.Table("Time", "Value", "Label", "Rule");
        foreach (var v in report.Violations)
        {
            violations.AddText(Readable.Time(v.Time), Readable.Number(v.Value), v.Label, v.Description);
        }
        console.Write(violations);
    }
}
