using System.Xml.Linq;

namespace Actors.Deployment.Tests.Docker;

/// <summary>The project-reference closure of a project and the shared frameworks it needs, read from the csproj files.</summary>
public sealed class ProjectGraph
{
    private ProjectGraph(IReadOnlySet<string> projects, IReadOnlySet<string> frameworks)
    {
        Projects = projects;
        Frameworks = frameworks;
    }

    /// <summary>Repository-relative paths (forward slashes) of the project and every project it references, transitively.</summary>
    public IReadOnlySet<string> Projects { get; }

    /// <summary>The <c>FrameworkReference</c> names anywhere in the closure.</summary>
    public IReadOnlySet<string> Frameworks { get; }

    public static ProjectGraph Of(string projectPath)
    {
        var projects = new SortedSet<string>(StringComparer.Ordinal);
        var frameworks = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([RepositoryRoot.Combine(projectPath)]);
        while (pending.Count > 0)
        {
            var full = pending.Pop();
            if (!projects.Add(RepositoryRoot.Relative(full)))
            {
                continue;
            }
            var document = XDocument.Load(full);
            foreach (var reference in document.Descendants("ProjectReference"))
            {
                var include = ((string?)reference.Attribute("Include") ?? "").Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, include)));
            }
            foreach (var framework in document.Descendants("FrameworkReference"))
            {
                frameworks.Add((string?)framework.Attribute("Include") ?? "");
            }
        }
        return new ProjectGraph(projects, frameworks);
    }
}
