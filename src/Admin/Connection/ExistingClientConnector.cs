using Microsoft.Extensions.Configuration;

namespace Actors.Admin.Connection;

/// <summary>Uses a client (or grain factory) that is already connected, e.g. a test cluster's; closing a session leaves it open.</summary>
public sealed class ExistingClientConnector(IGrainFactory grains) : IClusterConnector
{
    /// <inheritdoc />
    public Task<ClusterSession> ConnectAsync(IConfiguration configuration, bool verbose, CancellationToken cancellationToken) =>
        Task.FromResult(new ClusterSession(grains, static () => ValueTask.CompletedTask));
}
