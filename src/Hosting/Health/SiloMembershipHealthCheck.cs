using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Hosting.Health;

/// <summary>Ready when this silo is <see cref="SiloStatus.Active"/> in its own view of the cluster membership.</summary>
public sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        var description = $"Silo {silo.SiloAddress} is {status} in cluster {silo.ClusterId}.";
        return Task.FromResult(status == SiloStatus.Active ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}
