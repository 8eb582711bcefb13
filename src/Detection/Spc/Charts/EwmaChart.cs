namespace Actors.Detection.Spc.Charts;

/// <summary>
/// Exponentially weighted moving average chart (Roberts 1959; NIST/SEMATECH e-Handbook 6.3.2.4; Montgomery, Introduction
/// to Statistical Quality Control, 9.2): <c>z_t = λ x_t + (1 − λ) z_(t−1)</c>, <c>z_0 = μ</c>, limits
/// <c>μ ± L σ √(λ / (2 − λ) · (1 − (1 − λ)^(2t)))</c>, which widen towards the asymptotic <c>μ ± L σ √(λ / (2 − λ))</c>.
/// </summary>
[GenerateSerializer, Alias("spc-ewma-chart")]
public sealed class EwmaChart
{
    private const int PointCap = 1 << 20;

    /// <summary>The EWMA statistic after the latest point; meaningful once <see cref="Points"/> is positive.</summary>
    [Id(0)] public double Statistic { get; private set; }

    /// <summary>Points since the chart started or was reset (capped once the limits have settled).</summary>
    [Id(1)] public int Points { get; private set; }

    /// <summary>Restarts the chart: the next point starts again from the center line.</summary>
    public void Reset()
    {
        Statistic = 0;
        Points = 0;
    }

    /// <summary>Adds a point to the chart centred on <paramref name="mean"/> with process sigma <paramref name="sigma"/>.</summary>
    public EwmaPoint Add(double x, double mean, double sigma, EwmaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var lambda = settings.Lambda;
        var previous = Points == 0 ? mean : Statistic;
        Statistic = lambda * x + (1 - lambda) * previous;
        if (Points < PointCap)
        {
            Points++;
        }

        var halfWidth = settings.L * sigma * Math.Sqrt(lambda / (2 - lambda) * (1 - Math.Pow(1 - lambda, 2.0 * Points)));
        return new EwmaPoint(Statistic, mean + halfWidth, mean - halfWidth);
    }
}
