using Xunit;
using System.Diagnostics;
using Actors.TestSupport;
using StackExchange.Redis;

namespace Actors.Cluster.Tests.Fixtures;

/// <summary>
/// A real <c>redis-server</c> process on a free loopback port (no persistence), started by the fixture and killed when
/// it is disposed. Install it with <c>apt-get install -y redis-server</c>.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    /// <summary>The StackExchange.Redis connection string of the server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        Port = MotoServer.FreePort();
        _process = Process.Start(new ProcessStartInfo("redis-server", ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start; is it on PATH (apt-get install -y redis-server)?");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Eventually.Until(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}");
            }
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(ConnectionString + ",abortConnect=false,connectTimeout=500");
                return redis.IsConnected && (await redis.GetDatabase().PingAsync()) >= TimeSpan.Zero;
            }
            catch (RedisException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "redis-server to accept connections");
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
}
