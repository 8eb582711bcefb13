using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Actors.Hosting.Networking;

/// <summary>
/// Reads <c>{ECS_CONTAINER_METADATA_URI_V4}/task</c>, the task metadata document ECS serves to every container of a
/// task, and takes the task's IPv4 address from <c>Containers[].Networks[].IPv4Addresses[0]</c>.
/// </summary>
/// <remarks>
/// Synchronous on purpose: it runs once, while the silo is being configured and before anything else is started,
/// against an endpoint local to the task.
/// </remarks>
public sealed class EcsTaskMetadataClient : IEcsTaskMetadata
{
    /// <summary>The environment variable ECS sets to the container's metadata endpoint (version 4).</summary>
    public const string EndpointVariable = "ECS_CONTAINER_METADATA_URI_V4";

    /// <summary>How long one request to the endpoint may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private readonly Uri _taskUri;
    private readonly HttpMessageHandler? _handler;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a client of the metadata endpoint <paramref name="metadataUri"/> (the value of <see cref="EndpointVariable"/>).</summary>
    /// <param name="metadataUri">The container metadata endpoint; the task document is at its <c>/task</c> path.</param>
    /// <param name="handler">The HTTP handler to use; <see langword="null"/> for the default one.</param>
    /// <param name="timeout">The request timeout; <see langword="null"/> for <see cref="DefaultTimeout"/>.</param>
    public EcsTaskMetadataClient(Uri metadataUri, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(metadataUri);
        _taskUri = new Uri(metadataUri.AbsoluteUri.TrimEnd('/') + "/task");
        _handler = handler;
        _timeout = timeout ?? DefaultTimeout;
    }

    /// <summary>A client of the endpoint named by <see cref="EndpointVariable"/>, or <see langword="null"/> when the process does not run on ECS.</summary>
    public static EcsTaskMetadataClient? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EndpointVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw new EcsTaskMetadataException($"{EndpointVariable} is not an absolute URI: '{value}'.");
        }
        return new EcsTaskMetadataClient(uri);
    }

    /// <inheritdoc />
    public IPAddress? FindTaskAddress()
    {
        using var http = _handler is null ? new HttpClient() : new HttpClient(_handler, disposeHandler: false);
        http.Timeout = _timeout;
        try
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, _taskUri));
            response.EnsureSuccessStatusCode();
            using var body = new StreamReader(response.Content.ReadAsStream());
            return AddressIn(body.ReadToEnd());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            throw new EcsTaskMetadataException($"Could not read the ECS task metadata at {_taskUri}: {ex.Message}", ex);
        }
    }

    /// <summary>Finds the task's address in a task metadata document (see <see cref="IEcsTaskMetadata.FindTaskAddress"/>).</summary>
    /// <param name="taskDocument">The <c>/task</c> document.</param>
    /// <exception cref="JsonException">The document is not JSON or has no <c>Containers</c> array.</exception>
    public static IPAddress? AddressIn(string taskDocument)
    {
        var task = JsonSerializer.Deserialize(taskDocument, EcsTaskMetadataJsonContext.Default.EcsTaskDocument)
            ?? throw new JsonException("The ECS task metadata document is null.");
        IPAddress? any = null;
        foreach (var network in task.Containers.SelectMany(container => container.Networks ?? []))
        {
            if (FirstIPv4(network) is not { } address)
            {
                continue;
            }
            if (string.Equals(network.NetworkMode, "awsvpc", StringComparison.OrdinalIgnoreCase))
            {
                return address;
            }
            any ??= address;
        }
        return any;
    }

    private static IPAddress? FirstIPv4(EcsContainerNetwork network) =>
        network.IPv4Addresses is [var first, ..] && IPAddress.TryParse(first, out var address) && address.AddressFamily == AddressFamily.InterNetwork
            ? address
            : null;
}
