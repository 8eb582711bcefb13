using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static Actors.Detection.Tests.Spc.TestReadings;

namespace Actors.Detection.Tests.Spc;

/// <summary>The chart point book against the plain rule it implements, with many more devices than series it keeps.</summary>
public sealed class ChartPointBookTests
{
    private static readonly DateTime Start = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] MetricNames = ["line_speed", "temperature", "thickness"];

    /// <summary>Cases; <c>reloadEvery</c> &gt; 0 reads the book back from its stored form every that many readings, as a reactivated product grain does.</summary>
    [Theory]
    [InlineData(1, 4, 0)]
    [InlineData(2, 16, 0)]
    [InlineData(3, 1, 0)]
    [InlineData(4, 16, 250)]
    [InlineData(5, 4, 7)]
    public void Keeps_the_series_and_points_the_plain_rule_keeps(int seed, int series, int reloadEvery)
    {
        using var services = new ServiceCollection()
            .AddSerializer(builder => builder.AddAssembly(typeof(ChartPointBook).Assembly).AddAssembly(typeof(Reading).Assembly))
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var settings = new SpcOptions { ChartPoints = 5, ChartSeries = series };
        var random = new Random(seed);
        var book = new ChartPointBook();
        var plain = new Dictionary<(string Device, string Metric), List<(DateTime Time, double Value)>>();
        for (var i = 0; i < 3000; i++)
        {
            var device = $"M-{random.Next(40)}";
            var time = Start.AddSeconds(i / 3 + random.Next(-5, 5));
            var metrics = MetricNames.Where(_ => random.Next(3) > 0).Select(name => (name, Math.Round(random.NextDouble() * 100, 2))).ToArray();
            if (metrics.Length == 0)
            {
                continue;
            }
            if (reloadEvery > 0 && i % reloadEvery == 0)
            {
                book = serializer.Deserialize<ChartPointBook>(serializer.SerializeToArray(book)) ?? throw new InvalidOperationException("The book did not read back.");
            }
            book.Add(At(device, time, metrics), settings);
            AddThePlainWay(plain, device, time, metrics, settings);

            Assert.Equal(plain.Count, book.Series);
        }

        foreach (var metric in MetricNames)
        {
            Assert.Equal(PlainPoints(plain, metric), book.Points(metric, null));
        }
        foreach (var ((device, metric), points) in plain)
        {
            Assert.Equal(points, book.Points(metric, device));
        }
    }

    /// <summary>Every value joins its series; then the least recently updated series (by event time, device, metric) go until the book is within its bound.</summary>
    private static void AddThePlainWay(
        Dictionary<(string Device, string Metric), List<(DateTime Time, double Value)>> plain,
        string device,
        DateTime time,
        (string Name, double Value)[] metrics,
        SpcOptions settings)
    {
        foreach (var (name, value) in metrics)
        {
            if (!plain.TryGetValue((device, name), out var points))
            {
                plain[(device, name)] = points = [];
            }
            points.Add((time, value));
            if (points.Count > settings.ChartPoints)
            {
                points.RemoveAt(0);
            }
        }
        while (plain.Count > settings.ChartSeries)
        {
            var least = plain
                .OrderBy(s => s.Value[^1].Time)
                .ThenBy(s => s.Key.Device, StringComparer.Ordinal)
                .ThenBy(s => s.Key.Metric, StringComparer.Ordinal)
                .First().Key;
            plain.Remove(least);
        }
    }

    private static (DateTime Time, double Value)[] PlainPoints(Dictionary<(string Device, string Metric), List<(DateTime Time, double Value)>> plain, string metric) =>
        [.. plain.Where(s => s.Key.Metric == metric)
            .SelectMany(s => s.Value.Select(p => (p.Time, p.Value, s.Key.Device)))
            .OrderBy(p => p.Time)
            .ThenBy(p => p.Device, StringComparer.Ordinal)
            .Select(p => (p.Time, p.Value))];
}
