using System.Globalization;
using Spectre.Console;

namespace Actors.Admin.Output;

/// <summary>Formatting for the human-readable tables: invariant culture, UTC times, escaped markup.</summary>
public static class Readable
{
    /// <summary>A new table with the given column headers.</summary>
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }
        return table;
    }

    /// <summary>Adds a row of plain text cells (never interpreted as markup).</summary>
    public static void AddText(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Spectre.Console.Text(c ?? "")).ToArray());

    /// <summary>A UTC time as <c>yyyy-MM-dd HH:mm:ss</c>, with <c>.fff</c> when it has a sub-second part.</summary>
    public static string Time(DateTime? time) => time switch
    {
        null => "",
        { } t when t.Ticks % TimeSpan.TicksPerSecond == 0 => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        { } t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
    };

    /// <summary>A number with up to six significant digits, or empty.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    /// <summary>An integer count.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a bold heading line.</summary>
    public static void Heading(IAnsiConsole console, string heading) => console.MarkupLine($"[bold]{Markup.Escape(heading)}[/]");
}
