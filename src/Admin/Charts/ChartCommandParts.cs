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

    /// <summary><c>--out FILE.svg|png</c>.</summary>
    public Option<string> Out { get; } = new("--out") { Description = "The file to write: .svg or .png", Required = true };

    /// <summary>The metric, day and file of the command line, or bad input.</summary>
    public (string Metric, DateOnly? Date, string File) Read(ParseResult parse)
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

        return (metric, date, Path.GetFullPath(file));
    }

    /// <summary>Draws <paramref name="chart"/> to <paramref name="file"/> and reports it; unknown ID when it has no points.</summary>
    public static void Write(AdminInvocation invocation, ControlChart chart, string file)
    {
        if (chart.Points.Length == 0)
        {
            throw AdminCommandException.UnknownId(string.Create(CultureInfo.InvariantCulture,
                $"no points of '{chart.Metric}' for product '{chart.ProductId}'{(chart.DeviceId is null ? "" : $" and device '{chart.DeviceId}'")} on {chart.Date:yyyy-MM-dd} (the product grain keeps the last Spc:ChartPoints values per device and metric)"));
        }

        ControlChartPlot.Save(chart, file);
        invocation.Report(ChartReport.From(chart, file), Render);
    }

    private static void Render(IAnsiConsole console, ChartReport report)
    {
        Readable.Heading(console, $"Wrote {report.File}: {report.Points} points of {report.Metric}, product {report.ProductId}{(report.DeviceId is null ? "" : $", device {report.DeviceId}")}, {report.Date}"
            + (report.Limits is { } l ? $", CL {Readable.Number(l.Mean)}, UCL {Readable.Number(l.UclI)}, LCL {Readable.Number(l.LclI)}" : ", no limits for the day"));
        var violations = Readable.Table("Time", "Value", "Label", "Rule");
        foreach (var v in report.Violations)
        {
            violations.AddText(Readable.Time(v.Time), Readable.Number(v.Value), v.Label, v.Description);
        }
        console.Write(violations);
    }
}
