using Actors.Detection.Spc.Charts;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>The chart rules of one product metric, every layer of <see cref="ChartOptions"/> applied.</summary>
public sealed record SeriesRules
{
    /// <summary>Nothing configured: no run rules, charts or specification; sample standard deviation.</summary>
    public static SeriesRules Default { get; } = new();

    /// <summary>The Nelson tests and their K values.</summary>
    public RunRuleSettings RunRules { get; init; } = RunRuleSettings.None;

    /// <summary>Whether the run rules also judge the X-bar chart.</summary>
    public bool RunRulesOnXBar { get; init; } = true;

    /// <summary>Sigma of computed limits.</summary>
    public SigmaEstimate SigmaEstimate { get; init; }

    /// <summary>Moving-range chart on.</summary>
    public bool MovingRange { get; init; }

    /// <summary>EWMA chart on.</summary>
    public bool EwmaOn { get; init; }

    /// <summary>EWMA parameters (kept when off, so a more specific layer can turn it on).</summary>
    public EwmaSettings Ewma { get; init; } = new();

    /// <summary>CUSUM chart on.</summary>
    public bool CusumOn { get; init; }

    /// <summary>CUSUM parameters (kept when off).</summary>
    public CusumSettings Cusum { get; init; } = new();

    /// <summary>Specification limits, or null without any.</summary>
    public SpecLimits? Spec { get; init; }

    /// <summary>Cpk below this raises a <see cref="AnomalyType.Capability"/> anomaly; null: never.</summary>
    public double? MinCpk { get; init; }

    /// <summary>Whether a device judges any chart beyond the seed's individuals and X-bar limits.</summary>
    public bool AnyChart => RunRules.Any || MovingRange || EwmaOn || CusumOn;

    /// <summary>These rules with what <paramref name="layer"/> names replaced.</summary>
    public SeriesRules With(ChartOptions layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var lower = layer.Lsl ?? Spec?.Lower;
        var upper = layer.Usl ?? Spec?.Upper;
        return new SeriesRules
        {
            RunRules = RunRules with
            {
                Tests = layer.RunRules is { } tests ? [.. tests.Select(t => (NelsonTest)t)] : RunRules.Tests,
                K1 = layer.K1 ?? RunRules.K1,
                K2 = layer.K2 ?? RunRules.K2,
                K3 = layer.K3 ?? RunRules.K3,
                K4 = layer.K4 ?? RunRules.K4,
                K5 = layer.K5 ?? RunRules.K5,
                K6 = layer.K6 ?? RunRules.K6,
                K7 = layer.K7 ?? RunRules.K7,
                K8 = layer.K8 ?? RunRules.K8,
            },
            RunRulesOnXBar = layer.RunRulesOnXBar ?? RunRulesOnXBar,
            SigmaEstimate = layer.SigmaEstimate ?? SigmaEstimate,
            MovingRange = layer.MovingRange ?? MovingRange,
            EwmaOn = layer.Ewma ?? EwmaOn,
            Ewma = new EwmaSettings(layer.EwmaLambda ?? Ewma.Lambda, layer.EwmaL ?? Ewma.L),
            CusumOn = layer.Cusum ?? CusumOn,
            Cusum = new CusumSettings(layer.CusumK ?? Cusum.K, layer.CusumH ?? Cusum.H),
            Spec = lower is null && upper is null ? null : new SpecLimits(lower, upper, layer.Target ?? Spec?.Target),
            MinCpk = layer.MinCpk ?? MinCpk,
        };
    }

    /// <summary>Every problem with these rules, each message starting with <paramref name="prefix"/>; empty when valid.</summary>
    public IEnumerable<string> Failures(string prefix)
    {
        foreach (var failure in RunRules.Failures(prefix).Concat(Ewma.Failures(prefix)).Concat(Cusum.Failures(prefix)))
        {
            yield return failure;
        }

        if (!Enum.IsDefined(SigmaEstimate))
        {
            yield return $"{prefix}SigmaEstimate must be SampleStdDev or MovingRange, got {SigmaEstimate}.";
        }

        if (Spec is { Lower: { } lsl, Upper: { } usl } && !(lsl < usl))
        {
            yield return $"{prefix}Lsl {lsl} must be below Usl {usl}.";
        }

        if (Spec is { } spec && new[] { spec.Lower, spec.Upper, spec.Target }.Any(v => v is { } x && !double.IsFinite(x)))
        {
            yield return $"{prefix}Lsl, Usl and Target must be finite numbers.";
        }

        if (MinCpk is { } min && !(min > 0 && double.IsFinite(min)))
        {
            yield return $"{prefix}MinCpk must be a positive number, got {min}.";
        }

        if (MinCpk is not null && Spec is null)
        {
            yield return $"{prefix}MinCpk needs specification limits (Lsl and/or Usl).";
        }
    }
}
