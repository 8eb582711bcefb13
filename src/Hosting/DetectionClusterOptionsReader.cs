using Microsoft.Extensions.Configuration;

namespace Actors.Hosting;

/// <summary>Reads and validates <see cref="DetectionClusterOptions"/> before the host is built (membership is chosen at build time).</summary>
public static class DetectionClusterOptionsReader
{
    public static DetectionClusterOptions Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection(DetectionClusterOptions.SectionName).Get<DetectionClusterOptions>() ?? new DetectionClusterOptions();
        var result = new DetectionClusterOptionsValidator().Validate(null, settings);
        if (result.Failed)
        {
            throw new InvalidOperationException($"Invalid cluster configuration: {result.FailureMessage}");
        }
        return settings;
    }
}
