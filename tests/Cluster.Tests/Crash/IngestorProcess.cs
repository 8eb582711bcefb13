using Actors.Cluster.Tests.Fixtures;

namespace Actors.Cluster.Tests.Crash;

/// <summary>One <c>dotnet Actors.Ingestor.dll COMMAND</c> process, configured through environment variables (as on ECS).</summary>
public sealed class IngestorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private IngestorProcess(ChildProcess process) => _process = process;

    public string Name => _process.Name;

    public bool HasExited => _process.HasExited;

    /// <summary>The process's last lines of output, prefixed with its name.</summary>
    public string RecentOutput => _process.RecentOutput;

    /// <summary>Starts the ingestor with <paramref name="arguments"/> and <paramref name="settings"/> (configuration keys, passed as environment variables).</summary>
    public static IngestorProcess Start(string name, IReadOnlyDictionary<string, string?> settings, params string[] arguments) =>
        new(ChildProcess.Start(name, BuiltProgram.Ingestor, arguments,
            settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value)));

    /// <summary>SIGKILL: the process dies at once, mid-batch or mid-checkpoint, with no lease released.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
