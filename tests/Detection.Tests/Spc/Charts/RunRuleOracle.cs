using Actors.Detection.Spc.Charts;

namespace Actors.Detection.Tests.Spc.Charts;

/// <summary>
/// The Nelson tests written again as plainly as possible: for every point, look back over the raw series. Shares
/// nothing with <see cref="RunRuleChart"/> but the settings record.
/// </summary>
internal static class RunRuleOracle
{
    public static List<(int Index, NelsonTest Test)> Run(double[] x, double center, double sigma, RunRuleSettings k)
    {
        var found = new List<(int, NelsonTest)>();
        double Z(int j) => (x[j] - center) / sigma;
        for (var i = 0; i < x.Length; i++)
        {
            var window = (int n) => Enumerable.Range(i - n + 1, n);
            if (Math.Abs(Z(i)) > k.K1)
            {
                found.Add((i, NelsonTest.BeyondLimit));
            }

            if (i >= k.K2 - 1 && (window(k.K2).All(j => Z(j) > 0) || window(k.K2).All(j => Z(j) < 0)))
            {
                found.Add((i, NelsonTest.SameSide));
            }

            if (i >= k.K3 - 1)
            {
                var steps = window(k.K3 - 1).Select(j => Math.Sign(x[j] - x[j - 1])).ToArray();
                if (steps.All(s => s > 0) || steps.All(s => s < 0))
                {
                    found.Add((i, NelsonTest.Trend));
                }
            }

            if (i >= k.K4 - 1)
            {
                var steps = window(k.K4 - 1).Select(j => Math.Sign(x[j] - x[j - 1])).ToArray();
                if (steps.All(s => s != 0) && steps.Skip(1).Select((s, n) => s == -steps[n]).All(b => b))
                {
                    found.Add((i, NelsonTest.Alternating));
                }
            }

            if (KOutOf(i, k.K5, 2))
            {
                found.Add((i, NelsonTest.BeyondTwoSigma));
            }

            if (KOutOf(i, k.K6, 1))
            {
                found.Add((i, NelsonTest.BeyondOneSigma));
            }

            if (i >= k.K7 - 1 && window(k.K7).All(j => Math.Abs(Z(j)) <= 1))
            {
                found.Add((i, NelsonTest.WithinOneSigma));
            }

            if (i >= k.K8 - 1 && window(k.K8).All(j => Math.Abs(Z(j)) > 1))
            {
                found.Add((i, NelsonTest.NoneWithinOneSigma));
            }
        }

        return found;

        bool KOutOf(int i, int count, double sigmas)
        {
            var last = Enumerable.Range(Math.Max(0, i - count), Math.Min(i, count) + 1).Select(Z).ToArray();
            return (Z(i) > sigmas && last.Count(z => z > sigmas) >= count)
                || (Z(i) < -sigmas && last.Count(z => z < -sigmas) >= count);
        }
    }
}
