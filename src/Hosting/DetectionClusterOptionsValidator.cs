using System.Net;
using Microsoft.Extensions.Options;

namespace Actors.Hosting;

public sealed class DetectionClusterOptionsValidator : IValidateOptions<DetectionClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, DetectionClusterOptions settings)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(settings.ClusterId))
        {
            failures.Add($"{DetectionClusterOptions.SectionName}:{nameof(settings.ClusterId)} must not be empty.");
        }
        if (string.IsNullOrWhiteSpace(settings.ServiceId))
        {
            failures.Add($"{DetectionClusterOptions.SectionName}:{nameof(settings.ServiceId)} must not be empty.");
        }
        if (settings.Membership == MembershipKind.Redis && string.IsNullOrWhiteSpace(settings.RedisConnectionString))
        {
            failures.Add($"{DetectionClusterOptions.SectionName}:{nameof(settings.RedisConnectionString)} is required when {nameof(settings.Membership)} is Redis.");
        }
        if (settings.SiloPort is < 0 or > 65535 || settings.GatewayPort is < 0 or > 65535)
        {
            failures.Add($"{DetectionClusterOptions.SectionName}:{nameof(settings.SiloPort)} and {nameof(settings.GatewayPort)} must be valid ports.");
        }
        if (!string.IsNullOrWhiteSpace(settings.AdvertisedAddress) && !IPAddress.TryParse(settings.AdvertisedAddress, out _))
        {
            failures.Add($"{DetectionClusterOptions.SectionName}:{nameof(settings.AdvertisedAddress)} must be an IP address, not '{settings.AdvertisedAddress}'.");
        }
        if (settings.ShutdownTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{DetectionClusterOptions.SectionName}:{nameof(settings.ShutdownTimeout)} must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
