using Actors.Admin.Connection;
using Microsoft.Extensions.Configuration;
using Xunit.Sdk;

namespace Actors.Admin.Tests;

/// <summary>Fails the test if a command connects: input errors must be reported before any connection is made.</summary>
public sealed class NoClusterConnector : IClusterConnector
{
    public Task<ClusterSession> ConnectAsync(IConfiguration configuration, bool verbose, CancellationToken cancellationToken) =>
        throw new XunitException("the command connected to the cluster before rejecting its input");
}
