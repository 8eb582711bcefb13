using MathNet.Numerics;

namespace Actors.Detection.Learned;

/// <summary>
/// Numenta's anomaly likelihood (Ahmad et al., 2017), bounded: how unusual the average of the last
/// <see cref="AverageOf"/> raw scores is against the distribution of those averages so far, as a Gaussian tail
/// probability. The distribution's mean and variance are exponentially weighted (about the last 1/<see cref="Weight"/>
/// averages) instead of Numenta's 8640-value sliding window, so the state has a fixed size. Numenta's floors
/// (mean at least 0.03, variance at least 0.0003) and its red-zone filter (only the first of consecutive very
/// unlikely averages stays very unlikely) are kept.
/// </summary>
[GenerateSerializer, Alias("learned-anomaly-likelihood")]
public sealed class AnomalyLikelihood
{
    /// <summary>Raw scores averaged.</summary>
    public const int AverageOf = 10;

    /// <summary>Raw scores seen before the averages start to be learned.</summary>
    public const int LearningReadings = 288;

    /// <summary>Averages learned before a likelihood is given.</summary>
    public const int EstimationReadings = 100;

    /// <summary>Weight of the newest average in the exponentially weighted mean and variance.</summary>
    public const double Weight = 0.005;

    private const double MeanFloor = 0.03;
    private const double VarianceFloor = 0.0003;
    private const double RedTail = 1e-5;
    private const double YellowLikelihood = 0.999;

    /// <summary>The last <see cref="AverageOf"/> raw scores, a ring.</summary>
    [Id(0)] public double[] Recent { get; set; } = new double[AverageOf];

    /// <summary>Raw scores seen.</summary>
    [Id(1)] public long Seen { get; set; }

    /// <summary>Averages learned.</summary>
    [Id(2)] public long Learned { get; set; }

    /// <summary>Exponentially weighted mean of the averages.</summary>
    [Id(3)] public double Mean { get; set; }

    /// <summary>Exponentially weighted variance of the averages.</summary>
    [Id(4)] public double Variance { get; set; }

    /// <summary>The previous tail probability (1 before any).</summary>
    [Id(5)] public double PreviousTail { get; set; } = 1;

    /// <summary>Whether the next raw score gets a likelihood other than the neutral 0.5.</summary>
    public bool IsReady => Learned >= EstimationReadings;

    /// <summary>
    /// Adds <paramref name="raw"/> and returns the likelihood, 0 to 1, that the recent raw scores are unusually
    /// high or low: 0.5 until <see cref="LearningReadings"/> + <see cref="EstimationReadings"/> raw scores were seen.
    /// </summary>
    /// <param name="raw">A raw anomaly score, 0 to 1.</param>
    public double Next(double raw)
    {
        Recent[(int)(Seen % AverageOf)] = raw;
        Seen++;
        if (Seen <= LearningReadings)
        {
            return 0.5;
        }

        var average = Average();
        var ready = IsReady;
        var tail = ready ? Tail(average) : 1;
        Learn(average);
        if (!ready)
        {
            return 0.5;
        }

        var stillRed = tail <= RedTail && PreviousTail <= RedTail;
        PreviousTail = tail;
        return stillRed ? YellowLikelihood : 1 - tail;
    }

    private double Average()
    {
        var count = (int)Math.Min(Seen, AverageOf);
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += Recent[i];
        }

        return sum / count;
    }

    private double Tail(double average)
    {
        var mean = Math.Max(Mean, MeanFloor);
        var deviation = Math.Sqrt(Math.Max(Variance, VarianceFloor));
        var distance = Math.Abs(average - mean);
        return 0.5 * SpecialFunctions.Erfc(distance / deviation / Math.Sqrt(2));
    }

    private void Learn(double average)
    {
        Learned++;
        var weight = Math.Max(Weight, 1.0 / Learned);
        var delta = average - Mean;
        Mean += weight * delta;
        Variance = (1 - weight) * (Variance + (weight * delta * delta));
    }
}
