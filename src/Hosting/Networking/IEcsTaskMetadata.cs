using System.Net;

namespace Actors.Hosting.Networking;

/// <summary>What this process learns about its own ECS task from the task metadata endpoint (version 4).</summary>
public interface IEcsTaskMetadata
{
    /// <summary>
    /// The task's own IPv4 address: the first address of an <c>awsvpc</c> network of the task's containers (the task's
    /// elastic network interface), else the first IPv4 address of any container network; <see langword="null"/> when
    /// the document names none (for example in <c>host</c> network mode).
    /// </summary>
    /// <exception cref="EcsTaskMetadataException">The endpoint could not be read or answered something that is not task metadata.</exception>
    IPAddress? FindTaskAddress();
}
