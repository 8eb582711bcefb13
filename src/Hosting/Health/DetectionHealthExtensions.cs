using Actors.Grains;
using Actors.Persistence.DynamoDB;
using Amazon.Extensions.NETCore.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.Health;

/// <summary>Registers the readiness checks and serves <c>/health/live</c> and <c>/health/ready</c>.</summary>
public static class DetectionHealthExtensions
{
    /// <summary>The liveness path: 200 while the process serves HTTP.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness path: 200 when every check tagged <see cref="ReadyTag"/> is healthy, else 503.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>The tag of the checks <see cref="ReadyPath"/> runs.</summary>
    public const string ReadyTag = "ready";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Readiness of a silo (also of the ingestor's embedded silo): the silo is Active in the cluster, its notifier shards
    /// deliver (degraded while a notification waits longer than <c>Notifier:DegradedAfter</c>), every grain can write its
    /// state (degraded while one holds state it cannot write) and, when state lives in
    /// DynamoDB, the state table answers.
    /// </summary>
    public static IServiceCollection AddSiloReadinessChecks(this IServiceCollection services, DetectionClusterOptions cluster)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<SiloMembershipHealthCheck>("silo-membership", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<NotifierOutboxHealthCheck>("notifier-outbox", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<StateWritesHealthCheck>("state-writes", tags: [ReadyTag], timeout: CheckTimeout);
        if (cluster.Storage == StorageKind.DynamoDB)
        {
            services.AddSingleton(sp => new DynamoDBTableHealthCheck(
                sp.GetRequiredService<IOptionsMonitor<DynamoDBGrainStorageOptions>>().Get(StorageNames.State), sp.GetService<AWSOptions>()));
            checks.AddCheck<DynamoDBTableHealthCheck>("grain-storage", tags: [ReadyTag], timeout: CheckTimeout);
        }
        return services;
    }

    /// <summary>Readiness of a cluster client: a management call through its gateways succeeds.</summary>
    public static IServiceCollection AddClientReadinessChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("cluster-connection", tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }

    /// <summary>
    /// Serves the health endpoints on <see cref="HealthOptions.Port"/> only (when enabled). The port is matched against
    /// the connection's local port, not the Host header, so any prober (ECS, a load balancer, a script) is answered.
    /// </summary>
    public static IApplicationBuilder UseDetectionHealth(this IApplicationBuilder app, HealthOptions settings)
    {
        if (!settings.Enabled)
        {
            return app;
        }
        app.UseHealthChecks(LivePath, settings.Port, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.UseHealthChecks(ReadyPath, settings.Port, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }
}
