using Actors.Grains.Interfaces;

namespace Actors.Benchmarks.Data;

/// <summary>
/// The rules and control limits every benchmark judges with, so that each detector is exercised: thresholds on
/// temperature (the seed rule, &gt;= 30) and thickness, the default z-score rule (20 s windows, |z| &gt; 3), and
/// imported SPC limits for the simulator's products (thickness around each product's target, sd 0.5; line speed
/// around 50, sd 0.3).
/// </summary>
public static class BenchmarkRules
{
    /// <summary>The simulator's default products and their thickness targets.</summary>
    public static readonly (string Product, double Thickness)[] Products = [("B205", 50.0), ("B206", 50.2), ("C310", 49.8)];

    public static readonly DetectionRules Rules = new()
    {
        Thresholds =
        [
            new ThresholdRule { Metric = "temperature", Upper = 30 },
            new ThresholdRule { Metric = "thickness", Upper = 55, Lower = 45 },
        ],
        ZScore = new ZScoreSettings(),
    };

    /// <summary><see cref="Rules"/> as configuration of the silo (section <c>Rules</c>), plus quiet logging.</summary>
    public static Dictionary<string, string?> SiloConfiguration() => new()
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Error",
        ["Logging:LogLevel:Microsoft"] = "Error",
        ["Rules:Thresholds:0:Metric"] = "temperature",
        ["Rules:Thresholds:0:Upper"] = "30",
        ["Rules:Thresholds:1:Metric"] = "thickness",
        ["Rules:Thresholds:1:Upper"] = "55",
        ["Rules:Thresholds:1:Lower"] = "45",
    };

    /// <summary>The limits of every metric of <paramref name="product"/> for <paramref name="date"/>.</summary>
    public static ControlLimits[] LimitsOf(string product, DateOnly date)
    {
        var thickness = Products.First(p => p.Product == product).Thickness;
        return [Limits(product, "thickness", date, thickness, 0.5), Limits(product, "line_speed", date, 50.0, 0.3)];
    }

    /// <summary>The limits of every product, per product, for <paramref name="days"/> days from <paramref name="first"/>.</summary>
    public static Dictionary<string, ControlLimits[]> LimitsByProduct(DateOnly first, int days) =>
        Products.ToDictionary(
            p => p.Product,
            p => Enumerable.Range(0, days).SelectMany(day => LimitsOf(p.Product, first.AddDays(day))).ToArray());

    /// <summary>A lookup of limits by product and UTC day, as a device grain serves them to its detector.</summary>
    public static Func<string, DateTime, ControlLimits[]?> LimitsLookup()
    {
        var cache = new Dictionary<(string Product, DateOnly Date), ControlLimits[]>();
        return (product, utc) =>
        {
            var key = (product, DateOnly.FromDateTime(utc));
            if (!cache.TryGetValue(key, out var limits))
            {
                limits = LimitsOf(product, key.Item2);
                cache.Add(key, limits);
            }
            return limits;
        };
    }

    private static ControlLimits Limits(string product, string metric, DateOnly date, double mean, double sd) => new()
    {
        ProductId = product,
        Metric = metric,
        Date = date,
        Mean = mean,
        StdDev = sd,
        Count = 0,
        UclI = mean + (3 * sd),
        LclI = mean - (3 * sd),
        UclX = mean + (3 * sd / Math.Sqrt(5)),
        LclX = mean - (3 * sd / Math.Sqrt(5)),
        Source = LimitSource.Imported,
    };
}
