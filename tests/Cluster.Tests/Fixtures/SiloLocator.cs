namespace Actors.Cluster.Tests.Fixtures;

/// <summary>Finds the built silo (src/Silo, built with the tests through a project reference) in the same configuration.</summary>
public static class SiloLocator
{
    public static string DllPath { get; } = Locate();

    private static string Locate()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var targetFramework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        for (var directory = testOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Actors.sln")))
            {
                var dll = Path.Combine(directory.FullName, "src", "Silo", "bin", configuration, targetFramework, "Actors.Silo.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"The silo is not built at {dll}; run 'dotnet build src/Silo -c {configuration}'.", dll);
            }
        }
        throw new DirectoryNotFoundException($"No Actors.sln above {testOutput.FullName}.");
    }
}
