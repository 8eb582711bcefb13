using System.Globalization;

namespace Actors.Benchmarks.Nab;

/// <summary>One NAB data file: its category folder, file name and rows (timestamp text as written, value).</summary>
public sealed record NabSeries(string Category, string FileName, string[] Timestamps, double[] Values)
{
    /// <summary>Every <c>data/&lt;category&gt;/*.csv</c> under <paramref name="nabRoot"/>, ordered by category then file.</summary>
    /// <param name="nabRoot">The NAB folder (holding <c>data/</c>).</param>
    public static IReadOnlyList<NabSeries> ReadAll(string nabRoot)
    {
        var series = new List<NabSeries>();
        foreach (var category in Directory.GetDirectories(Path.Combine(nabRoot, "data")).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(category, "*.csv").Order(StringComparer.Ordinal))
            {
                series.Add(Read(Path.GetFileName(category), file));
            }
        }

        return series;
    }

    /// <summary>Writes the file NAB's scorer reads for a detector: <c>timestamp,value,anomaly_score,label</c>.</summary>
    /// <param name="resultsDir">NAB's results folder.</param>
    /// <param name="detector">The detector's name.</param>
    /// <param name="scores">One anomaly score per row.</param>
    public void WriteResults(string resultsDir, string detector, double[] scores)
    {
        var folder = Path.Combine(resultsDir, detector, Category);
        Directory.CreateDirectory(folder);
        using var writer = new StreamWriter(Path.Combine(folder, $"{detector}_{FileName}"));
        writer.WriteLine("timestamp,value,anomaly_score,label");
        for (var i = 0; i < Values.Length; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Timestamps[i]},{Values[i]:R},{scores[i]:R},0"));
        }
    }

    private static NabSeries Read(string category, string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim() != "timestamp,value")
        {
            throw new InvalidDataException($"{path}: the header must be 'timestamp,value'");
        }

        var timestamps = new string[lines.Length - 1];
        var values = new double[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !double.TryParse(lines[i].AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"{path}:{i + 1}: expected 'timestamp,value'");
            }

            timestamps[i - 1] = lines[i][..comma];
            values[i - 1] = value;
        }

        return new NabSeries(category, Path.GetFileName(path), timestamps, values);
    }
}
