using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlMapping = System.Collections.Generic.Dictionary<object, object?>;

namespace Actors.Deployment.Tests.Compose;

/// <summary>docker-compose.yml read with YamlDotNet into the fields the checks need.</summary>
public sealed partial class ComposeFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithDuplicateKeyChecking().Build();

    private ComposeFile(IReadOnlyDictionary<string, ComposeService> services) => Services = services;

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public ComposeService this[string name] =>
        Services.TryGetValue(name, out var service) ? service : throw new KeyNotFoundException($"docker-compose.yml has no service '{name}'.");

    public static ComposeFile Load(string path) => Parse(File.ReadAllText(path));

    public static ComposeFile Parse(string yaml)
    {
        var root = Yaml.Deserialize<object?>(yaml) as YamlMapping ?? throw new FormatException("docker-compose.yml is not a mapping.");
        var services = Mapping(root, "services") ?? throw new FormatException("docker-compose.yml has no services.");
        return new ComposeFile(services.ToDictionary(s => Key(s.Key), s => ReadService(Key(s.Key), s.Value as YamlMapping ?? [])));
    }

    /// <summary>Parses a compose duration such as <c>45s</c>, <c>1m30s</c> or <c>500ms</c>.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var matches = DurationPart().Matches(text);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text)
        {
            throw new FormatException($"Not a compose duration: '{text}'.");
        }
        return matches.Aggregate(TimeSpan.Zero, (sum, m) =>
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return sum + m.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                _ => TimeSpan.FromMicroseconds(value),
            };
        });
    }

    private static ComposeService ReadService(string name, YamlMapping service)
    {
        var build = service.GetValueOrDefault("build");
        var buildMapping = build as YamlMapping;
        var context = build as string ?? buildMapping?.GetValueOrDefault("context") as string;
        var healthcheck = Mapping(service, "healthcheck");
        return new ComposeService
        {
            Name = name,
            Image = service.GetValueOrDefault("image") as string,
            BuildContext = context,
            Dockerfile = context is null ? null : buildMapping?.GetValueOrDefault("dockerfile") as string ?? "Dockerfile",
            Command = Words(service.GetValueOrDefault("command")),
            Environment = Environment(service.GetValueOrDefault("environment")),
            Ports = Strings(service.GetValueOrDefault("ports")).Select(PortMapping.Parse).ToList(),
            DependsOn = DependsOn(service.GetValueOrDefault("depends_on")),
            HealthcheckTest = Words(healthcheck?.GetValueOrDefault("test")),
            HealthcheckDisabled = healthcheck?.GetValueOrDefault("disable") as string == "true",
            Restart = service.GetValueOrDefault("restart") as string,
            Volumes = Strings(service.GetValueOrDefault("volumes")),
            StopGracePeriod = service.GetValueOrDefault("stop_grace_period") is string grace ? ParseDuration(grace) : null,
        };
    }

    private static YamlMapping? Mapping(YamlMapping parent, string key) => parent.GetValueOrDefault(key) as YamlMapping;

    private static string Key(object key) => key as string ?? throw new FormatException($"Expected a string key, got {key.GetType().Name}.");

    private static List<string> Strings(object? node) => node switch
    {
        null => [],
        List<object?> list => list.Select(item => item as string ?? throw new FormatException($"Expected a string item, got {item?.GetType().Name ?? "null"}.")).ToList(),
        _ => throw new FormatException($"Expected a list, got {node.GetType().Name}."),
    };

    private static List<string> Words(object? node) => node switch
    {
        string text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList(),
        _ => Strings(node),
    };

    private static Dictionary<string, string> Environment(object? node) => node switch
    {
        null => [],
        YamlMapping map => map.ToDictionary(e => Key(e.Key), e => e.Value as string ?? ""),
        List<object?> list => Strings(list).Select(item => item.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
        _ => throw new FormatException($"environment must be a mapping or a list, got {node.GetType().Name}."),
    };

    private static Dictionary<string, string?> DependsOn(object? node) => node switch
    {
        null => [],
        List<object?> list => Strings(list).ToDictionary(target => target, _ => (string?)null),
        YamlMapping map => map.ToDictionary(e => Key(e.Key), e => (e.Value as YamlMapping)?.GetValueOrDefault("condition") as string),
        _ => throw new FormatException($"depends_on must be a mapping or a list, got {node.GetType().Name}."),
    };

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us)")]
    private static partial Regex DurationPart();
}
