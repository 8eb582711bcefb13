using System.Diagnostics;

namespace Actors.Deployment.Tests.CommandLine;

/// <summary>One run of the built ingestor (src/Ingestor, built with the tests through a project reference) as its own process.</summary>
public sealed record IngestorProcess(string[] Args, int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>dotnet Actors.Ingestor.dll <paramref name="args"/></c> to its end; kills it and throws after <paramref name="deadline"/>.</summary>
    public static async Task<IngestorProcess> RunAsync(TimeSpan deadline, params string[] args)
    {
        var dll = DllPath();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the ingestor.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"ingestor {string.Join(' ', args)} did not end within {deadline}:\n{await output}\n{await error}");
        }
        return new IngestorProcess(args, process.ExitCode, await output, await error);
    }

    public override string ToString() => $"ingestor {string.Join(' ', Args)} -> exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";

    private static string DllPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent?.Name ?? "Debug";
        var dll = RepositoryRoot.Combine($"src/Ingestor/bin/{configuration}/{testOutput.Name}/Actors.Ingestor.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The ingestor is not built at {dll}; run 'dotnet build src/Ingestor -c {configuration}'.", dll);
    }
}
