using System.Net;
using System.Text;
using Actors.TestSupport;

namespace Actors.Aws.Tests.Kinesis;

/// <summary>
/// A tiny HTTP server on a free loopback port that answers with a script of canned answers, in order, the last
/// one repeating, and records every request it received.
/// </summary>
public sealed class ScriptedAwsEndpoint : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ScriptedAnswer[] _script;
    private readonly List<ReceivedRequest> _requests = [];
    private readonly Task _serving;

    public ScriptedAwsEndpoint(params ScriptedAnswer[] script)
    {
        if (script.Length == 0)
        {
            throw new ArgumentException("The script needs at least one answer.", nameof(script));
        }
        _script = script;
        Url = new Uri($"http://127.0.0.1:{MotoServer.FreePort()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys
                .Where(key => key is not null)
                .ToDictionary(key => key!, key => context.Request.Headers[key] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            int index;
            lock (_requests)
            {
                _requests.Add(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? string.Empty, headers, body));
                index = Math.Min(_requests.Count - 1, _script.Length - 1);
            }
            var answer = _script[index];
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
