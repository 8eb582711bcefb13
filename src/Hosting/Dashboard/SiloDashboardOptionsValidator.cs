using Microsoft.Extensions.Options;

namespace Actors.Hosting.Dashboard;

/// <summary>Checks <see cref="SiloDashboardOptions"/> and names the bad property.</summary>
public sealed class SiloDashboardOptionsValidator : IValidateOptions<SiloDashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloDashboardOptions settings) =>
        settings.Enabled && settings.Port is < 1 or > 65535
            ? ValidateOptionsResult.Fail($"{SiloDashboardOptions.SectionName}:{nameof(settings.Port)} must be a port between 1 and 65535, not {settings.Port}.")
            : ValidateOptionsResult.Success;
}
