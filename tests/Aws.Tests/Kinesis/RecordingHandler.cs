namespace Actors.Aws.Tests.Kinesis;

/// <summary>Counts the attempts an HTTP client makes and keeps each request's operation and body.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<(string Operation, string Body)> _sent = [];

    public int Attempts
    {
        get
        {
            lock (_sent)
            {
                return _sent.Count;
            }
        }
    }

    public IReadOnlyList<string> Bodies(string operation)
    {
        lock (_sent)
        {
            return _sent.Where(sent => sent.Operation == operation).Select(sent => sent.Body).ToList();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : string.Empty;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var operation = target.Length > 0 ? target[(target.IndexOf('.') + 1)..] : ActionOf(body);
        lock (_sent)
        {
            _sent.Add((operation, body));
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private static string ActionOf(string formBody) =>
        formBody.Split('&').Select(pair => pair.Split('=', 2)).FirstOrDefault(pair => pair[0] == "Action") is { Length: 2 } action
            ? Uri.UnescapeDataString(action[1])
            : string.Empty;
}
