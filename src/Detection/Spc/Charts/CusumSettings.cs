namespace Actors.Detection.Spc.Charts;

/// <summary>The tabular CUSUM's reference value and decision interval, in sigmas.</summary>
/// <param name="K">Reference value (allowance) k: half the shift to detect. Default 0.5.</param>
/// <param name="H">Decision interval h. Default 5 (Montgomery's recommendation with k = 0.5).</param>
public sealed record CusumSettings(double K = 0.5, double H = 5)
{
    /// <summary>Every problem with these settings, each message starting with <paramref name="prefix"/>; empty when valid.</summary>
    public IEnumerable<string> Failures(string prefix)
    {
        if (!(K >= 0) || !double.IsFinite(K))
        {
            yield return $"{prefix}CusumK must be a number of sigmas, zero or more, got {K}.";
        }

        if (!(H > 0) || !double.IsFinite(H))
        {
            yield return $"{prefix}CusumH must be a positive number of sigmas, got {H}.";
        }
    }
}
