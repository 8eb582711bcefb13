using Actors.Aws.Kinesis;
using Actors.Ingestor.Kinesis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Aws.Tests.Ingest;

/// <summary>
/// One ingest worker with its own services, as a separate ingestor process would have, running in the background
/// against the test cluster; <see cref="StopAsync"/> stops it the way Ctrl+C does and surfaces its failure, if any.
/// </summary>
public sealed class TestWorker : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private TestWorker(ServiceProvider provider, Action<IServiceProvider>? beforeRun)
    {
        _provider = provider;
        Worker = provider.GetRequiredService<KinesisIngestWorker>();
        beforeRun?.Invoke(provider);
        _run = Task.Run(() => Worker.RunAsync(_stop.Token));
    }

    public KinesisIngestWorker Worker { get; }

    public IServiceProvider Services => _provider;

    public bool IsRunning => !_run.IsCompleted;

    /// <summary>Settings of a worker on <paramref name="stream"/>: 3 s leases, 1 s shard discovery and checkpoints, quick AWS retries.</summary>
    public static Dictionary<string, string?> Settings(string stream, string workerId, string deadLetterPath, Uri? serviceUrl = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kinesis:StreamName"] = stream,
            ["Kinesis:WorkerId"] = workerId,
            ["Kinesis:LeaseDuration"] = "00:00:03",
            ["Kinesis:ShardDiscoveryInterval"] = "00:00:01",
            ["Kinesis:DeadLetterPath"] = deadLetterPath,
            ["Checkpoint:Interval"] = "00:00:01",
            ["Aws:Region"] = "us-east-1",
            ["Aws:MaxRetries"] = "2",
            ["Aws:BaseDelay"] = "00:00:00.010",
        };
        if (serviceUrl is not null)
        {
            settings["Aws:ServiceUrl"] = serviceUrl.ToString();
        }
        return settings;
    }

    /// <summary>
    /// Starts a worker with <paramref name="settings"/>; with <paramref name="kinesis"/> it reads through that client
    /// instead of the real one; <paramref name="beforeRun"/> sees its services before it starts reading.
    /// </summary>
    public static TestWorker Start(IGrainFactory grains, IDictionary<string, string?> settings, IKinesisClient? kinesis = null, Action<IServiceProvider>? beforeRun = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(grains);
        if (kinesis is not null)
        {
            services.AddSingleton(kinesis);
        }
        services.AddKinesisIngest(configuration);
        return new TestWorker(services.BuildServiceProvider(), beforeRun);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            await _provider.DisposeAsync();
            _stop.Dispose();
        }
    }
}
