namespace Actors.Simulation;

/// <summary>Checks <see cref="SimulationOptions"/> and names every bad property.</summary>
public static class SimulationOptionsValidator
{
    /// <summary>The largest number of gateways: their IMSI ends in two digits.</summary>
    public const int MaxGateways = 99;

    /// <summary>Returns one message per invalid property; empty when the options are valid.</summary>
    public static IReadOnlyList<string> Validate(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        RequireNonNegative(failures, nameof(options.TemperatureSensors), options.TemperatureSensors);
        RequireNonNegative(failures, nameof(options.Boards), options.Boards);
        RequireNonNegative(failures, nameof(options.Gateways), options.Gateways);
        RequireNonNegative(failures, nameof(options.ProductionLines), options.ProductionLines);
        if (options.Gateways > MaxGateways)
        {
            failures.Add($"{SimulationOptions.SectionName}:{nameof(options.Gateways)} must be at most {MaxGateways} (was {options.Gateways}).");
        }
        if (options.TemperatureSensors >= 0 && options.Boards >= 0 && options.Gateways >= 0 && options.ProductionLines >= 0
            && (long)options.TemperatureSensors + options.Boards + options.Gateways + options.ProductionLines < 1)
        {
            failures.Add($"{SimulationOptions.SectionName} must simulate at least one device.");
        }
        if (options.Products is null || options.Products.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{SimulationOptions.SectionName}:{nameof(options.Products)} must not contain blank product ids.");
        }
        RequirePositive(failures, nameof(options.Interval), options.Interval);
        RequirePositive(failures, nameof(options.TemperaturePeriod), options.TemperaturePeriod);
        RequireProbability(failures, nameof(options.MalformedRate), options.MalformedRate);
        RequireProbability(failures, nameof(options.SpikeProbability), options.SpikeProbability);
        RequireProbability(failures, nameof(options.HumidityJumpProbability), options.HumidityJumpProbability);
        if (options.ProductSwitchInterval < TimeSpan.Zero)
        {
            failures.Add($"{SimulationOptions.SectionName}:{nameof(options.ProductSwitchInterval)} must not be negative.");
        }
        if (!double.IsFinite(options.DriftEpisodesPerDay) || options.DriftEpisodesPerDay < 0)
        {
            failures.Add($"{SimulationOptions.SectionName}:{nameof(options.DriftEpisodesPerDay)} must be a finite number of at least 0 (was {options.DriftEpisodesPerDay}).");
        }
        if (options.DriftDuration < TimeSpan.Zero)
        {
            failures.Add($"{SimulationOptions.SectionName}:{nameof(options.DriftDuration)} must not be negative.");
        }
        if (!double.IsFinite(options.DriftShift))
        {
            failures.Add($"{SimulationOptions.SectionName}:{nameof(options.DriftShift)} must be finite.");
        }
        return failures;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every invalid property.</summary>
    public static void ThrowIfInvalid(SimulationOptions options)
    {
        var failures = Validate(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }
    }

    private static void RequireNonNegative(List<string> failures, string name, int value)
    {
        if (value < 0)
        {
            failures.Add($"{SimulationOptions.SectionName}:{name} must not be negative (was {value}).");
        }
    }

    private static void RequirePositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{SimulationOptions.SectionName}:{name} must be positive (was {value}).");
        }
    }

    private static void RequireProbability(List<string> failures, string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            failures.Add($"{SimulationOptions.SectionName}:{name} must be between 0 and 1 (was {value}).");
        }
    }
}
