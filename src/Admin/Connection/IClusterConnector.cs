using Microsoft.Extensions.Configuration;

namespace Actors.Admin.Connection;

/// <summary>Opens a <see cref="ClusterSession"/> for a command.</summary>
public interface IClusterConnector
{
    /// <summary>
    /// Connects to the cluster described by <paramref name="configuration"/> (the <c>Cluster</c> section, with command-line
    /// overrides applied). Throws <see cref="ClusterUnreachableException"/> when the cluster cannot be reached.
    /// </summary>
    Task<ClusterSession> ConnectAsync(IConfiguration configuration, bool verbose, CancellationToken cancellationToken);
}
