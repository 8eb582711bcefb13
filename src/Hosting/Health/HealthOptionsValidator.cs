using Microsoft.Extensions.Options;

namespace Actors.Hosting.Health;

/// <summary>Checks <see cref="HealthOptions"/> and names the bad property.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions settings) =>
        settings.Enabled && settings.Port is < 1 or > 65535
            ? ValidateOptionsResult.Fail($"{HealthOptions.SectionName}:{nameof(settings.Port)} must be a port between 1 and 65535, not {settings.Port}.")
            : ValidateOptionsResult.Success;
}
