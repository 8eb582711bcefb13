using Actors.Grains;
using Actors.Grains.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.Health;

/// <summary>Degraded while a notifier shard of this silo holds a notification older than <see cref="NotifierOptions.DegradedAfter"/> (a sink is down).</summary>
public sealed class NotifierOutboxHealthCheck(DetectionMetrics metrics, IOptions<NotifierOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(metrics.OldestUndelivered > options.Value.DegradedAfter
            ? HealthCheckResult.Degraded("Notifications are waiting for a sink.")
            : HealthCheckResult.Healthy());
}
