namespace Actors.Detection.Spc.Charts;

/// <summary>Specification limits of a product metric: what the customer accepts, unlike control limits.</summary>
/// <param name="Lower">LSL, or null for an upper limit only.</param>
/// <param name="Upper">USL, or null for a lower limit only.</param>
/// <param name="Target">The nominal value, for Cpm; optional.</param>
public sealed record SpecLimits(double? Lower, double? Upper, double? Target = null)
{
    /// <summary>Whether <paramref name="x"/> lies below LSL or above USL (on a limit is in specification).</summary>
    public bool IsOut(double x) => x < Lower || x > Upper;
}
