namespace Actors.Detection.Spc.Charts;

/// <summary>One point of an EWMA chart.</summary>
/// <param name="Statistic">The EWMA statistic after the point.</param>
/// <param name="Upper">Upper control limit at this point.</param>
/// <param name="Lower">Lower control limit at this point.</param>
public readonly record struct EwmaPoint(double Statistic, double Upper, double Lower)
{
    /// <summary>Whether the statistic lies outside the limits (on a limit is inside).</summary>
    public bool Signals => Statistic > Upper || Statistic < Lower;
}
