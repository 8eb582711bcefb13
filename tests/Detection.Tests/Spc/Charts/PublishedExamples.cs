namespace Actors.Detection.Tests.Spc.Charts;

/// <summary>Data of the published worked examples the chart tests reproduce.</summary>
internal static class PublishedExamples
{
    /// <summary>
    /// Montgomery, Introduction to Statistical Quality Control (6th ed., Wiley 2009), Table 9.1: 30 observations, the
    /// first 20 from N(10, 1), the last 10 from N(11, 1); used for the tabular CUSUM (Example 9.1, Table 9.2) and the
    /// EWMA chart (Example 9.2, λ = 0.1, L = 2.7).
    /// </summary>
    public static readonly double[] MontgomeryTable91 =
    [
        9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34,
        9.03, 11.47, 10.51, 9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84,
        10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52,
    ];

    /// <summary>NIST/SEMATECH e-Handbook of Statistical Methods, 6.3.2.4 "EWMA Control Charts", example: 20 points, EWMA0 = 50, s = 2.0539, λ = 0.3.</summary>
    public static readonly double[] NistEwma =
    [
        52.0, 47.0, 53.0, 49.3, 50.1, 47.0, 51.0, 50.1, 51.2, 50.5,
        49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1,
    ];

    /// <summary>The EWMA values NIST 6.3.2.4 prints for <see cref="NistEwma"/>, to two decimals.</summary>
    public static readonly double[] NistEwmaPrinted =
    [
        50.60, 49.52, 50.56, 50.18, 50.16, 49.21, 49.75, 49.85, 50.26, 50.33,
        50.11, 49.36, 49.52, 50.05, 49.38, 49.92, 50.73, 51.23, 51.94, 51.99,
    ];

    /// <summary>
    /// Montgomery, Introduction to Statistical Quality Control (6th ed.), Example 6.5, Table 6.6: costs of processing
    /// mortgage loan applications for 20 weeks; printed x-bar = 300.5, MR-bar = 7.79, UCL = 321.22, LCL = 279.78 and
    /// UCL of the moving-range chart 25.45.
    /// </summary>
    public static readonly double[] MontgomeryExample65 =
    [
        310, 288, 297, 298, 307, 303, 294, 297, 308, 306,
        294, 299, 297, 299, 314, 295, 293, 306, 301, 304,
    ];
}
