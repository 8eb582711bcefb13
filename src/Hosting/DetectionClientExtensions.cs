using Actors.Hosting.Tls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Actors.Hosting;

public static class DetectionClientExtensions
{
    /// <summary>Configures an Orleans client to reach the cluster described by the <c>Cluster</c> section.</summary>
    public static IClientBuilder AddDetectionClient(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = DetectionClusterOptionsReader.Read(configuration);
        client.Services.AddDetectionExceptionSerialization();
        if (configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>() is { Enabled: true } tls)
        {
            client.UseClusterTls(ClusterCertificate.Load(tls));
        }
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        switch (cluster.Membership)
        {
            case MembershipKind.Localhost:
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
                break;
            case MembershipKind.Redis:
                client.UseRedisClustering(cluster.RedisConnectionString!);
                break;
        }
        return client;
    }
}
