using System.Text.Json;
using Actors.Deployment.Tests.Compose;
using Actors.Deployment.Tests.Templates;

namespace Actors.Deployment.Tests;

/// <summary>The files under test, read from the repository.</summary>
public static class DeploymentFiles
{
    public const string ComposePath = "docker-compose.yml";

    public static readonly string[] TaskDefinitions = ["deploy/ecs/silo.task-definition.json", "deploy/ecs/ingestor.task-definition.json"];

    public static readonly string[] ServiceDefinitions = ["deploy/ecs/silo.service.json", "deploy/ecs/ingestor.service.json"];

    public static readonly string[] Dockerfiles = ["src/Silo/Dockerfile", "src/Ingestor/Dockerfile", "src/Admin/Dockerfile"];

    public static ComposeFile Compose() => ComposeFile.Load(RepositoryRoot.Combine(ComposePath));

    public static string Text(string relative) => File.ReadAllText(RepositoryRoot.Combine(relative));

    /// <summary>A deploy/ template with its placeholders replaced by <see cref="Placeholders.Samples"/>, parsed.</summary>
    public static JsonElement Rendered(string relative)
    {
        using var document = JsonDocument.Parse(Placeholders.Substitute(Text(relative)));
        return document.RootElement.Clone();
    }

    /// <summary>Every JSON template under deploy/.</summary>
    public static IReadOnlyList<string> Templates() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("deploy"), "*.json", SearchOption.AllDirectories).Select(RepositoryRoot.Relative).Order(StringComparer.Ordinal).ToList();
}
