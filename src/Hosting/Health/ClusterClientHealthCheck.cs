using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Hosting.Health;

/// <summary>Ready when a call through the client's gateways reaches the cluster and it reports at least one active silo.</summary>
public sealed class ClusterClientHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"Connected; {hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("Connected, but the cluster reports no active silo.");
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"Cannot reach the cluster: {ex.Message}", ex);
        }
    }
}
