namespace Actors.Detection.Spc.Charts;

/// <summary>
/// The eight Nelson tests for special causes, numbered as Nelson (1984) and Minitab number them. K is each test's
/// configurable count; the defaults are Nelson's.
/// </summary>
public enum NelsonTest
{
    /// <summary>1 point more than K1 (3) sigma from the center line.</summary>
    BeyondLimit = 1,

    /// <summary>K2 (9) points in a row on the same side of the center line.</summary>
    SameSide = 2,

    /// <summary>K3 (6) points in a row, all increasing or all decreasing.</summary>
    Trend = 3,

    /// <summary>K4 (14) points in a row, alternating up and down.</summary>
    Alternating = 4,

    /// <summary>K5 (2) out of K5 + 1 points more than 2 sigma from the center line, same side.</summary>
    BeyondTwoSigma = 5,

    /// <summary>K6 (4) out of K6 + 1 points more than 1 sigma from the center line, same side.</summary>
    BeyondOneSigma = 6,

    /// <summary>K7 (15) points in a row within 1 sigma of the center line, either side.</summary>
    WithinOneSigma = 7,

    /// <summary>K8 (8) points in a row more than 1 sigma from the center line, either side.</summary>
    NoneWithinOneSigma = 8,
}
