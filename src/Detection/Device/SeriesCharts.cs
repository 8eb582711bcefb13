using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>
/// What the charts beyond the seed's limits keep of one product and metric on a device: the run-rule counters of the
/// individuals and X-bar charts, the X-bar subgroup being filled, the last value (moving range), the EWMA statistic and
/// the CUSUM sums. A few dozen bytes; exists only for series whose rules enable a chart.
/// </summary>
[GenerateSerializer, Alias("device-series-charts")]
public sealed class SeriesCharts
{
    /// <summary>The day of the limits the charts are centred on; a new day restarts them.</summary>
    [Id(0)] public DateOnly LimitsDate { get; set; }

    /// <summary>Run rules on the individual values.</summary>
    [Id(1)] public RunRuleChart Individuals { get; set; } = new();

    /// <summary>Run rules on the means of consecutive subgroups of five values.</summary>
    [Id(2)] public RunRuleChart XBar { get; set; } = new();

    /// <summary>Sum of the values of the subgroup being filled.</summary>
    [Id(3)] public double SubgroupSum { get; set; }

    /// <summary>Values in the subgroup being filled.</summary>
    [Id(4)] public int SubgroupCount { get; set; }

    /// <summary>The moving-range chart (the previous value).</summary>
    [Id(5)] public MovingRangeChart MovingRange { get; set; } = new();

    /// <summary>The EWMA chart.</summary>
    [Id(6)] public EwmaChart Ewma { get; set; } = new();

    /// <summary>The tabular CUSUM.</summary>
    [Id(7)] public CusumChart Cusum { get; set; } = new();

    /// <summary>Event time (UTC) of the latest value, used to evict the least recently updated series.</summary>
    [Id(8)] public DateTime UpdatedAt { get; set; }

    /// <summary>Centres the charts on the limits of <paramref name="date"/>: run rules, subgroup, EWMA and CUSUM start again.</summary>
    public void Restart(DateOnly date)
    {
        LimitsDate = date;
        Individuals.Reset();
        XBar.Reset();
        SubgroupSum = 0;
        SubgroupCount = 0;
        Ewma.Reset();
        Cusum.Reset();
    }

    /// <summary>A copy of the state of <paramref name="key"/>'s charts for inspection.</summary>
    public ChartStateView ToView(SeriesKey key) => new()
    {
        ProductId = key.ProductId,
        Metric = key.Metric,
        LimitsDate = LimitsDate,
        UpdatedAt = UpdatedAt,
        SameSide = Individuals.SameSide,
        Trend = Individuals.Trend,
        Alternating = Individuals.Alternating,
        Within1Sigma = Individuals.Within1Sigma,
        Beyond1Sigma = Individuals.Beyond1Sigma,
        SubgroupCount = SubgroupCount,
        SubgroupMean = SubgroupCount > 0 ? SubgroupSum / SubgroupCount : null,
        LastValue = MovingRange.Last,
        Ewma = Ewma.Points > 0 ? Ewma.Statistic : null,
        EwmaPoints = Ewma.Points,
        CusumUpper = Cusum.Upper,
        CusumUpperRun = Cusum.UpperRun,
        CusumLower = Cusum.Lower,
        CusumLowerRun = Cusum.LowerRun,
    };
}
