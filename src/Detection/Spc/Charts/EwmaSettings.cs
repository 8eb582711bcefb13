namespace Actors.Detection.Spc.Charts;

/// <summary>The EWMA chart's weight and limit width.</summary>
/// <param name="Lambda">Weight of the newest point, in (0, 1]. Default 0.2.</param>
/// <param name="L">Width of the limits in sigmas of the EWMA statistic. Default 3.</param>
public sealed record EwmaSettings(double Lambda = 0.2, double L = 3)
{
    /// <summary>Every problem with these settings, each message starting with <paramref name="prefix"/>; empty when valid.</summary>
    public IEnumerable<string> Failures(string prefix)
    {
        if (!(Lambda > 0 && Lambda <= 1))
        {
            yield return $"{prefix}EwmaLambda must be in (0, 1], got {Lambda}.";
        }

        if (!(L > 0) || !double.IsFinite(L))
        {
            yield return $"{prefix}EwmaL must be a positive number of sigmas, got {L}.";
        }
    }
}
