namespace Actors.Detection.Spc.Charts;

/// <summary>
/// Tabular (two one-sided) CUSUM (Page 1954; NIST/SEMATECH e-Handbook 6.3.2.3; Montgomery, Introduction to Statistical
/// Quality Control, 9.1): <c>C⁺_t = max(0, x_t − (μ + K) + C⁺_(t−1))</c>, <c>C⁻_t = max(0, (μ − K) − x_t + C⁻_(t−1))</c>
/// with <c>K = k σ</c>; a sum above <c>H = h σ</c> signals, and both sums restart at zero after a signal.
/// </summary>
[GenerateSerializer, Alias("spc-cusum-chart")]
public sealed class CusumChart
{
    private const int RunCap = 1 << 20;

    /// <summary>C⁺ after the latest point (zero after a signal).</summary>
    [Id(0)] public double Upper { get; private set; }

    /// <summary>C⁻ after the latest point (zero after a signal).</summary>
    [Id(1)] public double Lower { get; private set; }

    /// <summary>N⁺: consecutive points C⁺ has been above zero.</summary>
    [Id(2)] public int UpperRun { get; private set; }

    /// <summary>N⁻: consecutive points C⁻ has been above zero.</summary>
    [Id(3)] public int LowerRun { get; private set; }

    /// <summary>Restarts both sums at zero.</summary>
    public void Reset()
    {
        Upper = Lower = 0;
        UpperRun = LowerRun = 0;
    }

    /// <summary>Adds a point to the CUSUM of target <paramref name="mean"/> and process sigma <paramref name="sigma"/>.</summary>
    /// <returns>The sums with this point, before the reset a signal causes.</returns>
    public CusumPoint Add(double x, double mean, double sigma, CusumSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var allowance = settings.K * sigma;
        Upper = Math.Max(0, x - (mean + allowance) + Upper);
        Lower = Math.Max(0, mean - allowance - x + Lower);
        UpperRun = Upper > 0 ? Math.Min(UpperRun + 1, RunCap) : 0;
        LowerRun = Lower > 0 ? Math.Min(LowerRun + 1, RunCap) : 0;
        var point = new CusumPoint(Upper, Lower, UpperRun, LowerRun, settings.H * sigma);
        if (point.SignalsUp || point.SignalsDown)
        {
            Reset();
        }

        return point;
    }
}
