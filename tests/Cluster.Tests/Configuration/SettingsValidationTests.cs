using Xunit;
using Actors.Hosting;
using Actors.Hosting.Dashboard;
using Actors.Hosting.Health;
using Microsoft.Extensions.Configuration;

namespace Actors.Cluster.Tests.Configuration;

/// <summary>The settings this work adds: defaults, and errors that name the bad key.</summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var empty = Configure();

        var cluster = DetectionClusterOptionsReader.Read(empty);
        var siloHealth = HealthOptions.Read(empty, HealthOptions.SiloDefaultPort);
        var ingestorHealth = HealthOptions.Read(empty, HealthOptions.IngestorDefaultPort);
        var dashboard = SiloDashboardOptions.Read(empty);

        Assert.Equal(TimeSpan.FromSeconds(30), cluster.ShutdownTimeout);
        Assert.Null(cluster.AdvertisedAddress);
        Assert.True(siloHealth.Enabled);
        Assert.Equal(8080, siloHealth.Port);
        Assert.Equal(8081, ingestorHealth.Port);
        Assert.False(dashboard.Enabled);
        Assert.Equal(8888, dashboard.Port);
    }

    [Fact]
    public void Configuration_overrides_the_defaults()
    {
        var configuration = Configure(("Cluster:ShutdownTimeout", "00:00:45"), ("Health:Port", "9090"), ("Dashboard:Enabled", "true"), ("Dashboard:Port", "9999"));

        Assert.Equal(TimeSpan.FromSeconds(45), DetectionClusterOptionsReader.Read(configuration).ShutdownTimeout);
        Assert.Equal(9090, HealthOptions.Read(configuration, HealthOptions.SiloDefaultPort).Port);
        Assert.Equal(9999, SiloDashboardOptions.Read(configuration).Port);
    }

    [Theory]
    [InlineData("Cluster:ShutdownTimeout", "00:00:00", "Cluster:ShutdownTimeout")]
    [InlineData("Cluster:AdvertisedAddress", "not-an-ip", "Cluster:AdvertisedAddress")]
    public void A_bad_cluster_setting_is_named(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DetectionClusterOptionsReader.Read(Configure((key, value))));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void A_bad_health_port_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HealthOptions.Read(Configure(("Health:Port", "70000")), HealthOptions.SiloDefaultPort));

        Assert.Contains("Health:Port", error.Message);
    }

    [Fact]
    public void A_disabled_endpoint_does_not_need_a_valid_port()
    {
        Assert.False(HealthOptions.Read(Configure(("Health:Enabled", "false"), ("Health:Port", "0")), HealthOptions.SiloDefaultPort).Enabled);
        Assert.False(SiloDashboardOptions.Read(Configure(("Dashboard:Port", "0"))).Enabled);
    }

    [Fact]
    public void A_bad_dashboard_port_is_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloDashboardOptions.Read(Configure(("Dashboard:Enabled", "true"), ("Dashboard:Port", "-1"))));

        Assert.Contains("Dashboard:Port", error.Message);
    }

    private static IConfiguration Configure(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
