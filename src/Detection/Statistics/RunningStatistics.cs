namespace Actors.Detection.Statistics;

/// <summary>
/// Count, mean and sum of squared deviations of a stream of values, updated one value at a time (Welford) and
/// mergeable with another partial result (Chan et al.), so aggregates of buckets combine exactly like one pass.
/// </summary>
/// <remarks>
/// A mutable struct: <see cref="Add"/> changes the instance it is called on, so call it on a variable or array
/// element, not on a copy. The default value is the empty aggregate.
/// </remarks>
[GenerateSerializer, Alias("running-statistics")]
public struct RunningStatistics
{
    /// <summary>Number of values added.</summary>
    [Id(0)] public long Count { get; private set; }

    /// <summary>Arithmetic mean of the values added (0 when there are none).</summary>
    [Id(1)] public double Mean { get; private set; }

    /// <summary>Sum of squared deviations from the mean.</summary>
    [Id(2)] public double M2 { get; private set; }

    /// <summary>Sample variance, <c>M2 / (n - 1)</c>; <see cref="double.NaN"/> with fewer than two values.</summary>
    public readonly double Variance => Count < 2 ? double.NaN : M2 / (Count - 1);

    /// <summary>Sample standard deviation (n - 1, as SQL <c>STDDEV</c>); <see cref="double.NaN"/> with fewer than two values.</summary>
    public readonly double StdDev => Math.Sqrt(Variance);

    /// <summary>Adds one value (Welford's update).</summary>
    /// <param name="x">The value; callers pass finite values only.</param>
    public void Add(double x)
    {
        Count++;
        var delta = x - Mean;
        Mean += delta / Count;
        M2 += delta * (x - Mean);
    }

    /// <summary>
    /// The aggregate of all values of <paramref name="a"/> followed by all values of <paramref name="b"/>
    /// (Chan, Golub and LeVeque's pairwise update). Merging with an empty aggregate returns the other one unchanged.
    /// </summary>
    public static RunningStatistics Merge(in RunningStatistics a, in RunningStatistics b)
    {
        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 0)
        {
            return a;
        }

        var count = a.Count + b.Count;
        var delta = b.Mean - a.Mean;
        return new RunningStatistics
        {
            Count = count,
            Mean = a.Mean + delta * b.Count / count,
            M2 = a.M2 + b.M2 + delta * delta * a.Count * b.Count / count,
        };
    }

    /// <inheritdoc />
    public override readonly string ToString() =>
        FormattableString.Invariant($"n={Count}, mean={Mean}, sd={StdDev}");
}
