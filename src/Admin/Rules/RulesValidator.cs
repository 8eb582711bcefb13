using Actors.Grains.Interfaces;

namespace Actors.Admin.Rules;

/// <summary>Checks a rule set before it is sent to the cluster, so a mistake is bad input rather than silently ignored rules.</summary>
public static class RulesValidator
{
    /// <summary>Every problem found, each naming the rule or setting; empty when the rules are valid.</summary>
    public static IReadOnlyList<string> Validate(DetectionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<string>();
        var seen = new HashSet<ThresholdKey>();
        foreach (var rule in rules.Thresholds)
        {
            if (string.IsNullOrWhiteSpace(rule.Metric))
            {
                problems.Add("a threshold rule has no metric");
                continue;
            }
            var key = ThresholdKey.Of(rule);
            if (rule.Upper is null && rule.Lower is null)
            {
                problems.Add($"threshold {key} has neither an upper nor a lower limit");
            }
            if (rule.Upper is { } upper && !double.IsFinite(upper) || rule.Lower is { } lower && !double.IsFinite(lower))
            {
                problems.Add($"threshold {key} has a limit that is not a finite number");
            }
            if (rule.Upper <= rule.Lower)
            {
                problems.Add($"threshold {key}: the lower limit must be below the upper limit");
            }
            if (!seen.Add(key))
            {
                problems.Add($"threshold {key} is given more than once");
            }
        }
        var z = rules.ZScore;
        if (!double.IsFinite(z.WindowSeconds) || z.WindowSeconds <= 0)
        {
            problems.Add($"z-score window {z.WindowSeconds} s must be a positive number of seconds");
        }
        if (!double.IsFinite(z.Bound) || z.Bound <= 0)
        {
            problems.Add($"z-score bound {z.Bound} must be a positive number");
        }
        if (z.MinSamples < 2)
        {
            problems.Add($"z-score minimum samples {z.MinSamples} must be at least 2");
        }
        if (z.MaxSamples is < 2 or > ZScoreSettings.MaxSamplesLimit)
        {
            problems.Add($"z-score maximum samples {z.MaxSamples} must be between 2 and {ZScoreSettings.MaxSamplesLimit}");
        }
        if (z.Metrics.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("z-score metrics must not contain an empty name");
        }
        var learned = rules.Learned;
        if (!double.IsFinite(learned.Threshold) || learned.Threshold <= 0 || learned.Threshold > 1)
        {
            problems.Add($"learned threshold {learned.Threshold} must be above 0 and at most 1");
        }
        if (learned.QuietReadings < 0)
        {
            problems.Add($"learned quiet readings {learned.QuietReadings} must not be negative");
        }
        if (learned.Metrics.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("learned metrics must not contain an empty name");
        }
        return problems;
    }
}
