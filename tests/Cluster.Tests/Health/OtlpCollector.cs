using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Health;

/// <summary>A local OTLP/HTTP receiver that keeps the bodies posted to it (protobuf keeps names as UTF-8 text).</summary>
public sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _bodies = new();

    public OtlpCollector()
    {
        var port = MotoServer.FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>Whether an export so far contained <paramref name="name"/> (a metric name, a meter name, a resource attribute value).</summary>
    public bool Received(string name) => _bodies.Any(body => body.Contains(name, StringComparison.Ordinal));

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _bodies.Enqueue(Encoding.UTF8.GetString(body.ToArray()));
            context.Response.StatusCode = (int)HttpStatusCode.OK;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
    }
}
