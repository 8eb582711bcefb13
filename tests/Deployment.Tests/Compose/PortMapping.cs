using System.Globalization;

namespace Actors.Deployment.Tests.Compose;

/// <summary>One entry of a compose service's <c>ports</c>: <c>[HOST_IP:]HOST:CONTAINER[/PROTOCOL]</c> or <c>CONTAINER</c>.</summary>
public sealed record PortMapping(string? HostIp, int? HostPort, int ContainerPort, string Protocol)
{
    public static PortMapping Parse(string text)
    {
        var protocol = "tcp";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..];
            text = text[..slash];
        }
        var parts = text.Split(':');
        return parts.Length switch
        {
            1 => new PortMapping(null, null, Port(parts[0], text), protocol),
            2 => new PortMapping(null, Port(parts[0], text), Port(parts[1], text), protocol),
            3 => new PortMapping(parts[0], Port(parts[1], text), Port(parts[2], text), protocol),
            _ => throw new FormatException($"Not a compose port mapping: '{text}'."),
        };
    }

    private static int Port(string value, string text) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException($"Not a single port in compose port mapping '{text}' (ranges are not used here).");
}
