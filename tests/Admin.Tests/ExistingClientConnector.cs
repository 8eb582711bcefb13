using Actors.Admin.Connection;
using Microsoft.Extensions.Configuration;

namespace Actors.Admin.Tests;

/// <summary>Hands commands the test cluster's client, already connected; closing a session leaves it open.</summary>
public sealed class ExistingClientConnector(IGrainFactory grains) : IClusterConnector
{
    public Task<ClusterSession> ConnectAsync(IConfiguration configuration, bool verbose, CancellationToken cancellationToken) =>
        Task.FromResult(new ClusterSession(grains, static () => ValueTask.CompletedTask));
}
