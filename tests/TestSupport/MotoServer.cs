using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Actors.TestSupport;

/// <summary>
/// A real <c>moto_server</c> process (Kinesis, DynamoDB, SNS, SQS on one endpoint) on a free loopback port,
/// started by the fixture and killed when it is disposed. Share one per test collection.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = null!;

    public const string Region = "us-east-1";

    public async Task InitializeAsync()
    {
        var port = FreePort();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        _process = Process.Start(new ProcessStartInfo("moto_server", ["-H", "127.0.0.1", "-p", port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("moto_server did not start; is it on PATH (pip install 'moto[server]')?");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        await Eventually.Until(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(ServiceUrl, "/moto-api/"));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "moto_server to accept connections");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
        Environment.SetEnvironmentVariable("AWS_REGION", Region);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
