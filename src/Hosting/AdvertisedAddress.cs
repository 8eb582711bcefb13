using System.Net;
using System.Net.Sockets;

namespace Actors.Hosting;

/// <summary>The address a silo tells others to reach it at.</summary>
public static class AdvertisedAddress
{
    /// <summary>The configured address, else the first IPv4 address of this host (the task's ENI address under awsvpc on ECS).</summary>
    public static IPAddress Resolve(ClusterSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.AdvertisedAddress))
        {
            return IPAddress.Parse(settings.AdvertisedAddress);
        }
        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
