using System.Diagnostics;
using System.Net;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Fixtures;

/// <summary>
/// One <c>dotnet Actors.Silo.dll</c> process, configured through command-line settings, on free silo, gateway and
/// health ports.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private SiloProcess(ChildProcess process, int siloPort, int gatewayPort, int healthPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HealthPort = healthPort;
    }

    public string Name => _process.Name;

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int HealthPort { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The process's last lines of output, prefixed with its name.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>Starts a silo with <paramref name="settings"/> (configuration keys) plus its own ports.</summary>
    public static SiloProcess Start(string name, IReadOnlyDictionary<string, string?> settings)
    {
        var siloPort = MotoServer.FreePort();
        var gatewayPort = MotoServer.FreePort();
        var healthPort = MotoServer.FreePort();
        var all = new Dictionary<string, string?>(settings)
        {
            ["Cluster:SiloPort"] = siloPort.ToString(),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(),
            ["Health:Port"] = healthPort.ToString(),
        };
        var process = ChildProcess.Start(name, BuiltProgram.Silo, all.Select(s => $"--{s.Key}={s.Value}"));
        return new SiloProcess(process, siloPort, gatewayPort, healthPort);
    }

    /// <summary>GET on the silo's health port; <see langword="null"/> when nothing answers.</summary>
    public async Task<(HttpStatusCode Status, string Body)?> GetHealthAsync(string path)
    {
        try
        {
            using var response = await Http.GetAsync($"http://127.0.0.1:{HealthPort}{path}");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (the silo is Active and its storage answers).</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) =>
        Eventually.Until(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Name} exited with code {_process.ExitCode} before it was ready:\n{RecentOutput}");
            }
            return (await GetHealthAsync("/health/ready"))?.Status == HttpStatusCode.OK;
        }, timeout, $"silo {Name} to report ready on port {HealthPort}");

    /// <summary>SIGKILL: the process dies at once, as on a host failure; no membership update, no deactivation.</summary>
    public void Kill() => _process.Kill();

    /// <summary>SIGTERM: what ECS sends to stop a task.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString()]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}.");
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
