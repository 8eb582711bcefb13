using Microsoft.Extensions.Options;

namespace Actors.Hosting.Health;

/// <summary>Checks <see cref="HealthSettings"/> and names the bad property.</summary>
public sealed class HealthSettingsValidator : IValidateOptions<HealthSettings>
{
    public ValidateOptionsResult Validate(string? name, HealthSettings settings) =>
        settings.Enabled && settings.Port is < 1 or > 65535
            ? ValidateOptionsResult.Fail($"{HealthSettings.Section}:{nameof(settings.Port)} must be a port between 1 and 65535, not {settings.Port}.")
            : ValidateOptionsResult.Success;
}
