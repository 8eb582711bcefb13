namespace Actors.Detection.Device;

/// <summary>
/// Running mean and sum of squared deviations from it (Welford's M2) of a z-score window's values, kept once the window
/// holds fewer values than fell into it.
/// </summary>
[GenerateSerializer, Alias("device-running-moments")]
public sealed class RunningMoments
{
    /// <summary>Mean of the values added.</summary>
    [Id(0)] public double Mean { get; set; }

    /// <summary>Sum of squared deviations from the mean of the values added.</summary>
    [Id(1)] public double SquaredDeviations { get; set; }

    /// <summary>
    /// The moments of <paramref name="samples"/> added one by one in arrival order, so they equal, to the bit, those
    /// the window would have kept from its first value.
    /// </summary>
    /// <param name="samples">Every value that fell into the window so far.</param>
    public static RunningMoments Of(WindowSamples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var moments = new RunningMoments();
        var count = 0;
        foreach (var sample in samples)
        {
            moments.Add(sample.Value, ++count);
        }

        return moments;
    }

    /// <summary>Adds <paramref name="value"/>, the <paramref name="count"/>-th value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="count">How many values were added, this one included.</param>
    public void Add(double value, long count)
    {
        var delta = value - Mean;
        Mean += delta / count;
        SquaredDeviations += delta * (value - Mean);
    }
}
