namespace Actors.Deployment.Tests.Compose;

/// <summary>One service of docker-compose.yml, with the fields the checks read.</summary>
public sealed class ComposeService
{
    public required string Name { get; init; }
    public string? Image { get; init; }
    public string? BuildContext { get; init; }
    public string? Dockerfile { get; init; }
    public IReadOnlyList<string> Command { get; init; } = [];
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<PortMapping> Ports { get; init; } = [];

    /// <summary>Targets and their <c>condition</c> (null in the short list form, which waits for nothing).</summary>
    public IReadOnlyDictionary<string, string?> DependsOn { get; init; } = new Dictionary<string, string?>();

    /// <summary>The healthcheck's <c>test</c>, empty when none is given here.</summary>
    public IReadOnlyList<string> HealthcheckTest { get; init; } = [];
    public bool HealthcheckDisabled { get; init; }
    public string? Restart { get; init; }
    public IReadOnlyList<string> Volumes { get; init; } = [];
    public TimeSpan? StopGracePeriod { get; init; }

    /// <summary>Whether the image is one of ours, built from a Dockerfile in this repository.</summary>
    public bool IsBuiltHere => BuildContext is not null;

    /// <summary>The value of <c>--NAME</c> in <see cref="Command"/>, if present.</summary>
    public string? CommandOption(string name)
    {
        var index = Command.ToList().IndexOf(name);
        return index >= 0 && index + 1 < Command.Count ? Command[index + 1] : null;
    }
}
