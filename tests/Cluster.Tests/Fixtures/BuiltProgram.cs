namespace Actors.Cluster.Tests.Fixtures;

/// <summary>
/// Finds the programs the tests run as processes (src/Silo and src/Ingestor, built with the tests through project
/// references) in the tests' own configuration.
/// </summary>
public static class BuiltProgram
{
    public static string Silo { get; } = Locate("Silo", "Actors.Silo.dll");

    public static string Ingestor { get; } = Locate("Ingestor", "Actors.Ingestor.dll");

    private static string Locate(string project, string dllName)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var targetFramework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        for (var directory = testOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Actors.sln")))
            {
                var dll = Path.Combine(directory.FullName, "src", project, "bin", configuration, targetFramework, dllName);
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dllName} is not built at {dll}; run 'dotnet build src/{project} -c {configuration}'.", dll);
            }
        }
        throw new DirectoryNotFoundException($"No Actors.sln above {testOutput.FullName}.");
    }
}
