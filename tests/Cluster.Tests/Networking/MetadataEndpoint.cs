using System.Net;
using System.Text;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Networking;

/// <summary>A local HTTP server standing in for the ECS task metadata endpoint: it answers <c>GET {base}/task</c>.</summary>
public sealed class MetadataEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();

    /// <summary>Serves <paramref name="body"/> with <paramref name="status"/> at <c>/v4/{id}/task</c>.</summary>
    public MetadataEndpoint(string body, HttpStatusCode status = HttpStatusCode.OK)
    {
        var port = MotoServer.FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/v4/8f03e41243824aea923aca126495f665-2531612879");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync(body, status);
    }

    /// <summary>What ECS would put in <c>ECS_CONTAINER_METADATA_URI_V4</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The paths requested so far.</summary>
    public List<string> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task ServeAsync(string body, HttpStatusCode status)
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
            lock (Requests)
            {
                Requests.Add(context.Request.Url!.AbsolutePath);
            }
            var found = context.Request.Url!.AbsolutePath == BaseUri.AbsolutePath + "/task";
            context.Response.StatusCode = found ? (int)status : (int)HttpStatusCode.NotFound;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(found ? body : "{}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
