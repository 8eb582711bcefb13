using Microsoft.Extensions.Configuration;

namespace Actors.Hosting;

/// <summary>Reads and validates <see cref="ClusterSettings"/> before the host is built (membership is chosen at build time).</summary>
public static class ClusterSettingsReader
{
    public static ClusterSettings Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        var result = new ClusterSettingsValidator().Validate(null, settings);
        if (result.Failed)
        {
            throw new InvalidOperationException($"Invalid cluster configuration: {result.FailureMessage}");
        }
        return settings;
    }
}
