using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Actors.Hosting.Networking;

namespace Actors.Hosting;

/// <summary>The address a silo tells others to reach it at.</summary>
public static class AdvertisedAddress
{
    /// <summary>
    /// <c>Cluster:AdvertisedAddress</c> when set; else, on ECS (<c>ECS_CONTAINER_METADATA_URI_V4</c> set), the task's own
    /// IP address from the task metadata endpoint; else the first non-loopback IPv4 address of this host; else loopback.
    /// </summary>
    public static IPAddress Resolve(DetectionClusterOptions settings) => Resolve(settings, EcsTaskMetadataClient.FromEnvironment());

    /// <summary>As <see cref="Resolve(DetectionClusterOptions)"/>, asking <paramref name="ecs"/> (when not null) for the task's address.</summary>
    public static IPAddress Resolve(DetectionClusterOptions settings, IEcsTaskMetadata? ecs)
    {
        if (!string.IsNullOrWhiteSpace(settings.AdvertisedAddress))
        {
            return IPAddress.Parse(settings.AdvertisedAddress);
        }
        return ecs?.FindTaskAddress() ?? FirstNonLoopbackIPv4() ?? IPAddress.Loopback;
    }

    private static IPAddress? FirstNonLoopbackIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
