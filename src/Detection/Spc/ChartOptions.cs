using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// Chart rules as configured: the global defaults (<c>Spc:Charts</c>) or one override (<c>Spc:Overrides:N</c>) for a
/// product, a metric, or a metric of a product. Every property is optional: an override changes only what it names,
/// and the most specific layer wins key by key (global, then metric, then product, then product and metric).
/// </summary>
public sealed class ChartOptions
{
    /// <summary>The product an override applies to; null for every product. Must be null in <c>Spc:Charts</c>.</summary>
    public string? ProductId { get; set; }

    /// <summary>The metric an override applies to; null for every metric. Must be null in <c>Spc:Charts</c>.</summary>
    public string? Metric { get; set; }

    /// <summary>Nelson tests that apply, 1 to 8 (Western Electric: 1, 2, 5, 6 with K2 = 8); empty turns run rules off. Default none.</summary>
    public int[]? RunRules { get; set; }

    /// <summary>Test 1: sigmas from the center line. Default 3.</summary>
    public double? K1 { get; set; }

    /// <summary>Test 2: points in a row on one side. Default 9.</summary>
    public int? K2 { get; set; }

    /// <summary>Test 3: points in a row increasing or decreasing. Default 6.</summary>
    public int? K3 { get; set; }

    /// <summary>Test 4: points in a row alternating. Default 14.</summary>
    public int? K4 { get; set; }

    /// <summary>Test 5: K5 of K5 + 1 points beyond 2 sigma. Default 2.</summary>
    public int? K5 { get; set; }

    /// <summary>Test 6: K6 of K6 + 1 points beyond 1 sigma. Default 4.</summary>
    public int? K6 { get; set; }

    /// <summary>Test 7: points in a row within 1 sigma. Default 15.</summary>
    public int? K7 { get; set; }

    /// <summary>Test 8: points in a row beyond 1 sigma. Default 8.</summary>
    public int? K8 { get; set; }

    /// <summary>Whether the run rules also judge the X-bar chart of consecutive subgroups of 5. Default true.</summary>
    public bool? RunRulesOnXBar { get; set; }

    /// <summary>Sigma of computed limits: <c>SampleStdDev</c> (default) or <c>MovingRange</c> (MR-bar / 1.128).</summary>
    public SigmaEstimate? SigmaEstimate { get; set; }

    /// <summary>Moving-range chart: a moving range above 3.267 MR-bar is an anomaly. Default false.</summary>
    public bool? MovingRange { get; set; }

    /// <summary>EWMA chart on. Default false.</summary>
    public bool? Ewma { get; set; }

    /// <summary>EWMA weight λ, in (0, 1]. Default 0.2.</summary>
    public double? EwmaLambda { get; set; }

    /// <summary>EWMA limit width L in sigmas of the statistic. Default 3.</summary>
    public double? EwmaL { get; set; }

    /// <summary>Tabular CUSUM on. Default false.</summary>
    public bool? Cusum { get; set; }

    /// <summary>CUSUM reference value k in sigmas. Default 0.5.</summary>
    public double? CusumK { get; set; }

    /// <summary>CUSUM decision interval h in sigmas. Default 5.</summary>
    public double? CusumH { get; set; }

    /// <summary>Lower specification limit (capability).</summary>
    public double? Lsl { get; set; }

    /// <summary>Upper specification limit (capability).</summary>
    public double? Usl { get; set; }

    /// <summary>Target value (Cpm).</summary>
    public double? Target { get; set; }

    /// <summary>A <c>Capability</c> anomaly when a day's Cpk is below this. Default none.</summary>
    public double? MinCpk { get; set; }
}
