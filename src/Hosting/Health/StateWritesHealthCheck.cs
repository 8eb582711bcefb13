using Actors.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Health;

/// <summary>Degraded while a grain of this silo holds state it cannot write (the grains are named in the log, not in the answer).</summary>
public sealed partial class StateWritesHealthCheck(DetectionMetrics metrics, ILogger<StateWritesHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var unwritable = metrics.UnwritableStates;
        if (unwritable.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        LogUnwritable(logger, unwritable.Count, string.Join(", ", unwritable.OrderBy(u => u.Value).Take(10).Select(u => $"{u.Key} since {u.Value:O}")));
        return Task.FromResult(HealthCheckResult.Degraded("Grain state cannot be written."));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} grains hold state that cannot be written, the oldest: {Grains}")]
    private static partial void LogUnwritable(ILogger logger, int count, string grains);
}
