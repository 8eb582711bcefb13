namespace Actors.Detection.Learned;

/// <summary>
/// The smallest and largest value a series has shown so far. It maps a value to one of <see cref="LearnedSeries.Bins"/>
/// equal bins between them, and tells when a value lies clearly outside everything seen.
/// </summary>
[GenerateSerializer, Alias("learned-value-range")]
public sealed class ValueRange
{
    /// <summary>A value beyond the range by more than this share of its width is outside.</summary>
    public const double Tolerance = 0.05;

    /// <summary>Smallest value seen; NaN before the first.</summary>
    [Id(0)] public double Min { get; set; } = double.NaN;

    /// <summary>Largest value seen; NaN before the first.</summary>
    [Id(1)] public double Max { get; set; } = double.NaN;

    /// <summary>Whether <paramref name="value"/> lies beyond the range by more than <see cref="Tolerance"/> of its width (never while the range is a single point).</summary>
    /// <param name="value">The value to check, before it is added.</param>
    public bool IsOutside(double value)
    {
        var width = Max - Min;
        if (!(width > 0))
        {
            return false;
        }

        var margin = width * Tolerance;
        return value > Max + margin || value < Min - margin;
    }

    /// <summary>Widens the range to <paramref name="value"/>.</summary>
    /// <param name="value">A finite value.</param>
    public void Add(double value)
    {
        if (double.IsNaN(Min))
        {
            Min = value;
            Max = value;
            return;
        }

        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    /// <summary>The bin, 0 to <paramref name="bins"/> - 1, of a value inside the range.</summary>
    /// <param name="value">A value already added.</param>
    /// <param name="bins">Number of bins.</param>
    public int BinOf(double value, int bins)
    {
        var width = Max - Min;
        if (!(width > 0))
        {
            return 0;
        }

        var bin = (int)((value - Min) / width * bins);
        return Math.Clamp(bin, 0, bins - 1);
    }
}
