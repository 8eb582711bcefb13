namespace Actors.Detection.Spc.Charts;

/// <summary>
/// Which Nelson tests apply and their K values (Minitab's "Tests" tab). The defaults are Nelson's K values; the
/// Western Electric rules are tests 1, 2, 5 and 6 with K2 = 8.
/// </summary>
public sealed record RunRuleSettings
{
    /// <summary>The largest K5 or K6: the pattern's K + 1 points must fit the 32-point history the chart keeps.</summary>
    public const int MaxWindowK = 30;

    /// <summary>No test applies.</summary>
    public static RunRuleSettings None { get; } = new();

    /// <summary>The tests that apply.</summary>
    public IReadOnlyList<NelsonTest> Tests { get; init; } = [];

    /// <summary>Test 1: sigmas from the center line. Default 3.</summary>
    public double K1 { get; init; } = 3;

    /// <summary>Test 2: points in a row on one side. Default 9.</summary>
    public int K2 { get; init; } = 9;

    /// <summary>Test 3: points in a row increasing or decreasing. Default 6.</summary>
    public int K3 { get; init; } = 6;

    /// <summary>Test 4: points in a row alternating up and down. Default 14.</summary>
    public int K4 { get; init; } = 14;

    /// <summary>Test 5: points out of K5 + 1 beyond 2 sigma on one side. Default 2.</summary>
    public int K5 { get; init; } = 2;

    /// <summary>Test 6: points out of K6 + 1 beyond 1 sigma on one side. Default 4.</summary>
    public int K6 { get; init; } = 4;

    /// <summary>Test 7: points in a row within 1 sigma. Default 15.</summary>
    public int K7 { get; init; } = 15;

    /// <summary>Test 8: points in a row beyond 1 sigma, either side. Default 8.</summary>
    public int K8 { get; init; } = 8;

    /// <summary>Whether any test applies.</summary>
    public bool Any => Tests.Count > 0;

    /// <summary>Whether <paramref name="test"/> applies.</summary>
    public bool Applies(NelsonTest test)
    {
        for (var i = 0; i < Tests.Count; i++)
        {
            if (Tests[i] == test)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every problem with these settings, each message starting with <paramref name="prefix"/>; empty when valid.</summary>
    public IEnumerable<string> Failures(string prefix)
    {
        foreach (var test in Tests)
        {
            if (!Enum.IsDefined(test))
            {
                yield return $"{prefix}RunRules: {(int)test} is not a Nelson test; use 1 to 8.";
            }
        }

        if (!(K1 > 0) || !double.IsFinite(K1))
        {
            yield return $"{prefix}K1 must be a positive number of sigmas, got {K1}.";
        }

        foreach (var (name, value, min, max) in new[]
                 {
                     ("K2", K2, 2, 1000), ("K3", K3, 3, 1000), ("K4", K4, 3, 1000), ("K5", K5, 1, MaxWindowK),
                     ("K6", K6, 1, MaxWindowK), ("K7", K7, 2, 1000), ("K8", K8, 2, 1000),
                 })
        {
            if (value < min || value > max)
            {
                yield return $"{prefix}{name} must be between {min} and {max}, got {value}.";
            }
        }
    }
}
