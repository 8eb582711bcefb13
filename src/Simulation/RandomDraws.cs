namespace Actors.Simulation;

/// <summary>Draws from a seeded <see cref="Random"/>, and derives independent, platform-stable seeds.</summary>
internal static class RandomDraws
{
    /// <summary>A normal draw by the Box-Muller transform.</summary>
    public static double Normal(Random random, double mean, double standardDeviation)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return mean + standardDeviation * z;
    }

    /// <summary>A uniform draw in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double Uniform(Random random, double min, double max) => min + (max - min) * random.NextDouble();

    /// <summary>+1 or -1 with equal chance.</summary>
    public static int Sign(Random random) => random.Next(2) == 0 ? -1 : 1;

    /// <summary>
    /// A seed for stream <paramref name="stream"/> of <paramref name="seed"/> (SplitMix64 finalizer), so that devices
    /// draw independently and the result does not depend on process-randomized hashing.
    /// </summary>
    public static int DeriveSeed(int seed, int stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32 | (uint)stream) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & int.MaxValue);
        }
    }
}
