namespace Actors.Deployment.Tests;

/// <summary>The repository's root folder (the one holding <c>Actors.sln</c>) and paths in it.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The full path of <paramref name="relative"/> (forward slashes allowed) under the root.</summary>
    public static string Combine(string relative) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar)));

    /// <summary>The path of <paramref name="full"/> relative to the root, with forward slashes.</summary>
    public static string Relative(string full) => System.IO.Path.GetRelativePath(Path, full).Replace(System.IO.Path.DirectorySeparatorChar, '/');

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Actors.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Actors.sln above {AppContext.BaseDirectory}.");
    }
}
