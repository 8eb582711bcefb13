namespace Actors.Detection.Tests.Learned;

/// <summary>Deterministic synthetic series for the learned detector: Gaussian noise around a shape.</summary>
internal static class SyntheticSeries
{
    /// <summary><paramref name="count"/> values of <paramref name="shape"/>(i) plus Gaussian noise of standard deviation <paramref name="noise"/>.</summary>
    public static double[] Make(int count, Func<int, double> shape, double noise = 1, int seed = 7)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = shape(i) + (noise * Gaussian(random));
        }

        return values;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
