using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Cluster.Tests.Fixtures;

namespace Actors.Cluster.Tests.Crash;

/// <summary>
/// One <c>dotnet Actors.Ingestor.dll COMMAND</c> process, configured through environment variables (as on ECS). Its
/// output is kept (last lines) so a failing test can show it.
/// </summary>
public sealed class IngestorProcess : IAsyncDisposable
{
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private IngestorProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The process's last lines of output, prefixed with its name.</summary>
    public string RecentOutput => string.Join('\n', _output.Select(line => $"[{Name}] {line}"));

    /// <summary>Starts the ingestor with <paramref name="arguments"/> and <paramref name="settings"/> (configuration keys, passed as environment variables).</summary>
    public static IngestorProcess Start(string name, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(BuiltProgram.Ingestor)!,
        };
        info.ArgumentList.Add(BuiltProgram.Ingestor);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start ingestor {name}.");
        var ingestor = new IngestorProcess(name, process);
        process.OutputDataReceived += (_, e) => ingestor.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => ingestor.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return ingestor;
    }

    /// <summary>SIGKILL: the process dies at once, mid-batch or mid-checkpoint, with no lease released.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:0} s:\n{RecentOutput}");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
