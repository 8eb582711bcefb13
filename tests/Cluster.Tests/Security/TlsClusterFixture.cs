using System.Security.Cryptography.X509Certificates;
using Actors.Grains;
using Actors.Hosting;
using Actors.Hosting.Tls;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace Actors.Cluster.Tests.Security;

/// <summary>
/// Two silos that talk to each other and to clients over mutual TLS with a self-signed cluster certificate, given to
/// silos and client as PEM text in configuration (the way ECS passes a Secrets Manager secret), <c>Admin:Secret</c> and
/// <c>DataPlane:Credential</c> set. The client presents the certificate only (no data-plane credential), as the admin
/// client does.
/// </summary>
public sealed class TlsClusterFixture : IAsyncLifetime
{
    public const string AdminSecret = "tls-test-admin-secret-7e21";

    public const string DataPlaneCredential = "tls-test-data-plane-credential-31c4";

    public X509Certificate2 Certificate { get; } = ClusterCertificate.CreateSelfSigned();

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tls:Enabled"] = "true",
            ["Tls:CertificatePem"] = Certificate.ExportCertificatePem(),
            ["Tls:KeyPem"] = Certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(),
            ["Admin:Secret"] = AdminSecret,
            ["DataPlane:Credential"] = DataPlaneCredential,
            ["Rules:Thresholds:0:Metric"] = "temperature",
            ["Rules:Thresholds:0:Upper"] = "30",
        }));
        builder.AddSiloBuilderConfigurator<TlsSiloConfigurator>();
        builder.AddClientBuilderConfigurator<TlsClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class TlsSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UseClusterTls(ClusterCertificate.Load(siloBuilder.Configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>()!));
            siloBuilder.AddMemoryGrainStorage(StorageNames.State);
            siloBuilder.AddDetectionGrains(siloBuilder.Configuration);
            siloBuilder.AddAdminAccess(siloBuilder.Configuration);
            siloBuilder.AddDataPlaneAccess(siloBuilder.Configuration);
        }
    }

    private sealed class TlsClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseClusterTls(ClusterCertificate.Load(configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>()!));
    }
}
