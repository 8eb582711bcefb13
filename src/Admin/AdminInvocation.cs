using Actors.Detection.Alarms;
using System.CommandLine;
using System.Text.Json;
using Actors.Admin.Connection;
using Actors.Admin.Output;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Actors.Hosting;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Actors.Admin;

/// <summary>What one command run needs: its output, its effective configuration, and a cluster connection opened on demand.</summary>
public sealed class AdminInvocation : IAsyncDisposable
{
    private const int RedirectedWidth = 200;

    private readonly IClusterConnector _connector;
    private readonly bool _verbose;
    private ClusterSession? _session;

    internal AdminInvocation(ParseResult parse, GlobalCommandLineOptions global, IConfiguration configuration, IClusterConnector connector, TextWriter output, TextWriter error, bool terminal)
    {
        _connector = connector;
        _verbose = parse.GetValue(global.Verbose);
        Json = parse.GetValue(global.Json);
        Configuration = WithOverrides(configuration, parse, global);
        Output = output;
        Error = error;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            Console.Profile.Width = RedirectedWidth;
        }
        var admin = Configuration.GetSection(AdminClientOptions.SectionName).Get<AdminClientOptions>() ?? new AdminClientOptions();
        AdminSecret = string.IsNullOrEmpty(admin.Secret) ? null : admin.Secret;
        NotifierShards = Configuration.GetSection(NotifierOptions.SectionName).Get<NotifierOptions>()?.Shards ?? new NotifierOptions().Shards;
        AlarmIndexShards = Configuration.GetValue($"{AlarmOptions.SectionName}:{nameof(AlarmOptions.IndexShards)}", new AlarmOptions().IndexShards);
        ClusterId = Configuration.GetSection(DetectionClusterOptions.SectionName).Get<DetectionClusterOptions>()?.ClusterId ?? new DetectionClusterOptions().ClusterId;
    }

    /// <summary><c>Alarms:IndexShards</c>: the shards of the raised-alarm index, as the silos are configured.</summary>
    public int AlarmIndexShards { get; }

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json { get; }

    /// <summary>The configuration with the command-line overrides applied.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Standard output (or what stands in for it).</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error (or what stands in for it).</summary>
    public TextWriter Error { get; }

    /// <summary>Renders tables to <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary><c>Admin:Secret</c>, presented on state changes; null when not configured.</summary>
    public string? AdminSecret { get; }

    /// <summary><c>Notifier:Shards</c>: how many notifier grains to ask for alerts (must match the silos).</summary>
    public int NotifierShards { get; }

    /// <summary><c>Cluster:ClusterId</c>.</summary>
    public string ClusterId { get; }

    /// <summary>Connects to the cluster (once per invocation); throws <see cref="ClusterUnreachableException"/> when it cannot.</summary>
    public async Task<IGrainFactory> ConnectAsync(CancellationToken cancellationToken)
    {
        _session ??= await _connector.ConnectAsync(Configuration, _verbose, cancellationToken);
        return _session.Grains;
    }

    /// <summary>Calls an admin operation with <see cref="AdminSecret"/> presented.</summary>
    public Task<T> AsAdminAsync<T>(Func<Task<T>> call) => AdminRequestContext.CallAsync(AdminSecret, call);

    /// <inheritdoc cref="AsAdminAsync{T}(Func{Task{T}})"/>
    public Task AsAdminAsync(Func<Task> call) => AdminRequestContext.CallAsync(AdminSecret, call);

    /// <summary>Writes <paramref name="report"/> as JSON with <c>--json</c>, else renders it with <paramref name="render"/>.</summary>
    public void Report<T>(T report, Action<IAnsiConsole, T> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (Json)
        {
            Output.WriteLine(JsonSerializer.Serialize(report, typeof(T), AdminJsonContext.Output));
        }
        else
        {
            render(Console, report);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }

    private static IConfiguration WithOverrides(IConfiguration configuration, ParseResult parse, GlobalCommandLineOptions global)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(global.GatewayPort) is { } port)
        {
            overrides[$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.GatewayPort)}"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (parse.GetValue(global.Redis) is { Length: > 0 } redis)
        {
            overrides[$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.Membership)}"] = nameof(MembershipKind.Redis);
            overrides[$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.RedisConnectionString)}"] = redis;
        }
        if (parse.GetValue(global.ClusterId) is { Length: > 0 } clusterId)
        {
            overrides[$"{DetectionClusterOptions.SectionName}:{nameof(DetectionClusterOptions.ClusterId)}"] = clusterId;
        }
        return overrides.Count == 0
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(overrides).Build();
    }
}
