using Microsoft.Extensions.Configuration;

namespace Actors.Admin;

/// <summary>The admin client's configuration: appsettings.json next to the program, then environment variables.</summary>
public static class AdminConfiguration
{
    /// <summary>Loads the configuration; the <c>Cluster</c>, <c>Notifier</c> and <c>Admin</c> sections mean what they mean to a silo.</summary>
    public static IConfiguration Load() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
