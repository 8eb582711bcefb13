using Microsoft.Extensions.Options;

namespace Actors.Hosting.Dashboard;

/// <summary>Checks <see cref="DashboardSettings"/> and names the bad property.</summary>
public sealed class DashboardSettingsValidator : IValidateOptions<DashboardSettings>
{
    public ValidateOptionsResult Validate(string? name, DashboardSettings settings) =>
        settings.Enabled && settings.Port is < 1 or > 65535
            ? ValidateOptionsResult.Fail($"{DashboardSettings.SectionName}:{nameof(settings.Port)} must be a port between 1 and 65535, not {settings.Port}.")
            : ValidateOptionsResult.Success;
}
