using Microsoft.Extensions.Configuration;

namespace Actors.Hosting.Dashboard;

/// <summary>The Orleans dashboard of a silo (configuration section <c>Dashboard</c>).</summary>
public sealed class SiloDashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Serve the Orleans dashboard. Default false; enable it on every silo of a cluster or on none.</summary>
    public bool Enabled { get; set; }

    /// <summary>The port the dashboard listens on, on all interfaces. Default 8888.</summary>
    public int Port { get; set; } = 8888;

    /// <summary>Binds the <c>Dashboard</c> section over the defaults and validates it.</summary>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message names it.</exception>
    public static SiloDashboardOptions Read(IConfiguration configuration)
    {
        var settings = new SiloDashboardOptions();
        configuration.GetSection(SectionName).Bind(settings);
        var result = new SiloDashboardOptionsValidator().Validate(null, settings);
        if (result.Failed)
        {
            throw new InvalidOperationException($"Invalid dashboard configuration: {result.FailureMessage}");
        }
        return settings;
    }
}
