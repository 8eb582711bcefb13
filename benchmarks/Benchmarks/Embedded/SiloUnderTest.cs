using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Actors.Benchmarks.Memory;
using Actors.Grains;
using Actors.Hosting;
using Actors.Hosting.Admin;
using Actors.Hosting.Telemetry;
using Actors.Ingestor.Cluster;
using Actors.Ingestor.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Actors.Benchmarks.Embedded;

/// <summary>An in-process silo a measurement runs against, whichever way it was started.</summary>
public sealed class SiloUnderTest : IAsyncDisposable
{
    private readonly Func<ValueTask> _stop;

    private SiloUnderTest(IGrainFactory grains, IServiceProvider services, DiscardGrainStorage? storage, Func<ValueTask> stop)
    {
        Grains = grains;
        Services = services;
        Storage = storage;
        _stop = stop;
    }

    public IGrainFactory Grains { get; }

    /// <summary>The store of a silo started by <see cref="StartWithDiscardStorageAsync"/>; null for the embedded silo.</summary>
    public DiscardGrainStorage? Storage { get; }

    public IServiceProvider Services { get; }

    /// <summary>The ingestor's embedded silo (<see cref="ClusterConnection.StartAsync(IConfiguration, bool, Action{ILoggingBuilder}, CancellationToken)"/>, in-memory state).</summary>
    public static async Task<SiloUnderTest> StartEmbeddedAsync(IDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var connection = await EmbeddedCluster.StartAsync(overrides, cancellationToken);
        return new SiloUnderTest(connection.Grains, connection.Services, null, connection.DisposeAsync);
    }

    /// <summary>
    /// The same silo as <see cref="StartEmbeddedAsync"/> (localhost membership, <see cref="DetectionSiloExtensions.AddDetectionSilo"/>,
    /// the same telemetry and generated admin secret; no health checks), but with a <see cref="DiscardGrainStorage"/> as
    /// the grain state store in place of the in-memory one; with <paramref name="serialize"/>, it serializes every write
    /// with the silo's storage serializer.
    /// </summary>
    public static async Task<SiloUnderTest> StartWithDiscardStorageAsync(IDictionary<string, string?> overrides, bool serialize, CancellationToken cancellationToken)
    {
        var configuration = IngestorConfiguration.Load(overrides);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager(), DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.Membership)}"] = nameof(MembershipKind.Localhost),
            [$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.SiloPort)}"] = FreePort().ToString(CultureInfo.InvariantCulture),
            [$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.GatewayPort)}"] = FreePort().ToString(CultureInfo.InvariantCulture),
            [$"{AdminOptions.SectionName}:{nameof(AdminOptions.Secret)}"] = AdminSecret.Generate(),
        });
        builder.Logging.ClearProviders();
        IngestorConfiguration.ConsoleToStderr(builder.Logging, configuration);
        builder.Services.AddDetectionTelemetry(configuration, ClusterConnection.ServiceName);
        builder.Services.AddAdminSecretForwarding(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.AddDetectionSilo(builder.Configuration);
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.State, (services, _) =>
                new DiscardGrainStorage(serialize ? services.GetRequiredService<IGrainStorageSerializer>() : null));
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var discard = (DiscardGrainStorage)host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        return new SiloUnderTest(host.Services.GetRequiredService<IGrainFactory>(), host.Services, discard, async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(timeout.Token);
            host.Dispose();
        });
    }

    public ValueTask DisposeAsync() => _stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
