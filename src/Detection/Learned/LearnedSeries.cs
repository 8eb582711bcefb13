namespace Actors.Detection.Learned;

/// <summary>
/// What the learned detector knows about one (device, metric) series, in a fixed size (about 1.3 KB) whatever its
/// length: the range of values seen, a table of moves between value bins, and the anomaly likelihood of how
/// surprising the recent moves were. Each value is scored with what came before it, then learned.
/// </summary>
[GenerateSerializer, Alias("learned-series")]
public sealed class LearnedSeries
{
    /// <summary>Equal-width value bins between the smallest and largest value seen.</summary>
    public const int Bins = 32;

    /// <summary>Readings a series needs before it can score above 0: the likelihood's learning and estimation.</summary>
    public const int ColdStartReadings = AnomalyLikelihood.LearningReadings + AnomalyLikelihood.EstimationReadings;

    private const double LogTail = -23.02585084720009;

    /// <summary>Values seen.</summary>
    [Id(0)] public long Readings { get; set; }

    /// <summary>The range of values seen.</summary>
    [Id(1)] public ValueRange Range { get; set; } = new();

    /// <summary>Moves between value bins.</summary>
    [Id(2)] public TransitionCounts Transitions { get; set; } = new();

    /// <summary>Likelihood of the recent surprise.</summary>
    [Id(3)] public AnomalyLikelihood Likelihood { get; set; } = new();

    /// <summary>The score of the latest value.</summary>
    [Id(4)] public double LastScore { get; set; }

    /// <summary>Readings still to pass before the next alert may be raised.</summary>
    [Id(5)] public int QuietLeft { get; set; }

    /// <summary>
    /// Scores <paramref name="value"/> from 0 (expected) to 1 (anomalous) against what came before, then learns it.
    /// 1 when the value lies clearly outside every value seen; otherwise the anomaly likelihood on a log scale, where
    /// 0.5 means a likelihood of 0.99999. Always 0 during the first <see cref="ColdStartReadings"/> readings.
    /// </summary>
    /// <param name="value">A finite value.</param>
    public double Score(double value)
    {
        var outside = Range.IsOutside(value);
        Range.Add(value);
        var likelihood = Likelihood.Next(Transitions.Surprise(Range.BinOf(value, Bins)));
        Readings++;
        LastScore = Readings <= ColdStartReadings ? 0 : outside ? 1 : Math.Clamp(Math.Log(1.0000000001 - likelihood) / LogTail, 0, 1);
        return LastScore;
    }
}
