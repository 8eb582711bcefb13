namespace Actors.Detection.Spc.Charts;

/// <summary>One point of a tabular CUSUM, with the sums before any reset the point caused.</summary>
/// <param name="Upper">C⁺, the upper cumulative sum.</param>
/// <param name="Lower">C⁻, the lower cumulative sum.</param>
/// <param name="UpperRun">N⁺: consecutive points C⁺ has been above zero.</param>
/// <param name="LowerRun">N⁻: consecutive points C⁻ has been above zero.</param>
/// <param name="DecisionInterval">H = h σ.</param>
public readonly record struct CusumPoint(double Upper, double Lower, int UpperRun, int LowerRun, double DecisionInterval)
{
    /// <summary>C⁺ exceeds H: the mean has shifted up.</summary>
    public bool SignalsUp => Upper > DecisionInterval;

    /// <summary>C⁻ exceeds H: the mean has shifted down.</summary>
    public bool SignalsDown => Lower > DecisionInterval;
}
