using System.Globalization;
using System.Numerics;

namespace Actors.Detection.Spc.Charts;

/// <summary>
/// The Nelson tests on one chart's points, one point at a time. Keeps no points, only what the tests count: the
/// current runs (same side, monotone, alternating, within and beyond 1 sigma) and which of the last 32 points lay
/// beyond 1 and 2 sigma on either side. A test signals at every point that completes its pattern, as Minitab marks
/// them; a tie with the previous point ends a monotone or alternating run, a point on the center line ends a run on
/// one side.
/// </summary>
[GenerateSerializer, Alias("spc-run-rule-chart")]
public sealed class RunRuleChart
{
    private const int RunCap = 1 << 20;

    [Id(0)] private double _last;
    [Id(1)] private bool _hasLast;
    [Id(2)] private int _side;
    [Id(3)] private int _sameSide;
    [Id(4)] private int _direction;
    [Id(5)] private int _monotone;
    [Id(6)] private int _alternating;
    [Id(7)] private int _within1;
    [Id(8)] private int _beyond1;
    [Id(9)] private uint _above2;
    [Id(10)] private uint _below2;
    [Id(11)] private uint _above1;
    [Id(12)] private uint _below1;

    /// <summary>Points in a row on one side of the center line: positive above, negative below.</summary>
    public int SameSide => _side * _sameSide;

    /// <summary>Points in a row increasing (positive) or decreasing (negative).</summary>
    public int Trend => _direction * _monotone;

    /// <summary>Points in a row alternating up and down.</summary>
    public int Alternating => _alternating;

    /// <summary>Points in a row within 1 sigma of the center line.</summary>
    public int Within1Sigma => _within1;

    /// <summary>Points in a row more than 1 sigma from the center line, either side.</summary>
    public int Beyond1Sigma => _beyond1;

    /// <summary>Forgets every point, e.g. when the chart's limits change.</summary>
    public void Reset()
    {
        _last = 0;
        _hasLast = false;
        _side = _sameSide = _direction = _monotone = _alternating = _within1 = _beyond1 = 0;
        _above2 = _below2 = _above1 = _below1 = 0;
    }

    /// <summary>Adds a point and reports, in test order, every applying test it completes.</summary>
    /// <param name="x">The point: an individual value or a subgroup mean.</param>
    /// <param name="zones">The chart's center line and sigmas.</param>
    /// <param name="settings">Which tests apply, and their K values.</param>
    /// <param name="found">Receives the violations.</param>
    public void Add(double x, ChartZones zones, RunRuleSettings settings, List<RunRuleViolation> found)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(found);
        var z = zones.SigmasFromCenter(x);
        Count(x, z);
        if (!settings.Any)
        {
            return;
        }

        if (settings.Applies(NelsonTest.BeyondLimit) && Math.Abs(z) > settings.K1)
        {
            found.Add(new(NelsonTest.BeyondLimit, 1, Describe(
                $"Nelson 1: 1 point more than {settings.K1} sigma {(z > 0 ? "above" : "below")} the center line")));
        }

        if (settings.Applies(NelsonTest.SameSide) && _sameSide >= settings.K2)
        {
            found.Add(new(NelsonTest.SameSide, settings.K2, Describe(
                $"Nelson 2: {settings.K2} points in a row {(_side > 0 ? "above" : "below")} the center line")));
        }

        if (settings.Applies(NelsonTest.Trend) && _monotone >= settings.K3)
        {
            found.Add(new(NelsonTest.Trend, settings.K3, Describe(
                $"Nelson 3: {settings.K3} points in a row {(_direction > 0 ? "increasing" : "decreasing")}")));
        }

        if (settings.Applies(NelsonTest.Alternating) && _alternating >= settings.K4)
        {
            found.Add(new(NelsonTest.Alternating, settings.K4, Describe(
                $"Nelson 4: {settings.K4} points in a row alternating up and down")));
        }

        if (settings.Applies(NelsonTest.BeyondTwoSigma) && Completes(z, 2, _above2, _below2, settings.K5) is { } side5)
        {
            found.Add(new(NelsonTest.BeyondTwoSigma, settings.K5 + 1, Describe(
                $"Nelson 5: {settings.K5} of {settings.K5 + 1} points more than 2 sigma {side5} the center line")));
        }

        if (settings.Applies(NelsonTest.BeyondOneSigma) && Completes(z, 1, _above1, _below1, settings.K6) is { } side6)
        {
            found.Add(new(NelsonTest.BeyondOneSigma, settings.K6 + 1, Describe(
                $"Nelson 6: {settings.K6} of {settings.K6 + 1} points more than 1 sigma {side6} the center line")));
        }

        if (settings.Applies(NelsonTest.WithinOneSigma) && _within1 >= settings.K7)
        {
            found.Add(new(NelsonTest.WithinOneSigma, settings.K7, Describe(
                $"Nelson 7: {settings.K7} points in a row within 1 sigma of the center line")));
        }

        if (settings.Applies(NelsonTest.NoneWithinOneSigma) && _beyond1 >= settings.K8)
        {
            found.Add(new(NelsonTest.NoneWithinOneSigma, settings.K8, Describe(
                $"Nelson 8: {settings.K8} points in a row more than 1 sigma from the center line")));
        }
    }

    private void Count(double x, double z)
    {
        var side = Math.Sign(z);
        _sameSide = side == 0 ? 0 : side == _side ? Bump(_sameSide) : 1;
        _side = side;

        var step = _hasLast ? Math.Sign(x - _last) : 0;
        if (step == 0)
        {
            _monotone = 1;
            _alternating = 1;
        }
        else
        {
            _monotone = step == _direction ? Bump(_monotone) : 2;
            _alternating = _direction != 0 && step == -_direction ? Bump(_alternating) : 2;
        }

        _direction = step;
        _last = x;
        _hasLast = true;

        var beyond1 = Math.Abs(z) > 1;
        _within1 = beyond1 ? 0 : Bump(_within1);
        _beyond1 = beyond1 ? Bump(_beyond1) : 0;
        _above2 = (_above2 << 1) | (z > 2 ? 1u : 0u);
        _below2 = (_below2 << 1) | (z < -2 ? 1u : 0u);
        _above1 = (_above1 << 1) | (z > 1 ? 1u : 0u);
        _below1 = (_below1 << 1) | (z < -1 ? 1u : 0u);
    }

    /// <summary>The side, when the latest point lies beyond <paramref name="sigmas"/> and completes k of the last k + 1 there.</summary>
    private static string? Completes(double z, int sigmas, uint above, uint below, int k)
    {
        var window = (1u << (k + 1)) - 1;
        if (z > sigmas && BitOperations.PopCount(above & window) >= k)
        {
            return "above";
        }

        return z < -sigmas && BitOperations.PopCount(below & window) >= k ? "below" : null;
    }

    private static int Bump(int run) => run < RunCap ? run + 1 : run;

    private static string Describe(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
