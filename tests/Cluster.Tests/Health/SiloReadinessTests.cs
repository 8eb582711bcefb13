using Xunit;
using Xunit.Abstractions;
using System.Net;
using Actors.Cluster.Tests.Fixtures;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Health;

/// <summary>The silo's HTTP side as a load balancer, ECS and an operator see it: health endpoints and the dashboard, each on its port.</summary>
[Collection(ClusterEnvironmentCollection.Name)]
public sealed class SiloReadinessTests(ClusterEnvironment environment, ITestOutputHelper output)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Ready_is_200_on_a_running_silo_and_503_once_its_storage_is_unreachable_while_live_stays_200_and_the_dashboard_has_its_own_port()
    {
        var storage = new MotoServer();
        await storage.InitializeAsync();
        var storageStopped = false;
        var clusterId = $"ready-{Guid.NewGuid():N}"[..14];
        var settings = environment.SiloSettings(clusterId);
        settings["DynamoDB:ServiceUrl"] = storage.ServiceUrl.ToString();
        var dashboardPort = MotoServer.FreePort();
        settings["Dashboard:Enabled"] = "true";
        settings["Dashboard:Port"] = dashboardPort.ToString();
        var silo = SiloProcess.Start("ready", settings);
        try
        {
            await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var ready = await silo.GetHealthAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready?.Status);
            Assert.Contains("\"silo-membership\":{\"status\":\"Healthy\"", ready?.Body);
            Assert.Contains("\"grain-storage\":{\"status\":\"Healthy\"", ready?.Body);
            using (var dashboard = await Http.GetAsync($"http://127.0.0.1:{dashboardPort}/"))
            {
                Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
                Assert.Contains("<title>Orleans Dashboard</title>", await dashboard.Content.ReadAsStringAsync());
            }
            using (var probe = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{silo.HealthPort}/health/ready") { Headers = { Host = "silo.internal" } })
            using (var answer = await Http.SendAsync(probe))
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }
            await Eventually.Until(async () =>
            {
                using var counters = await Http.GetAsync($"http://127.0.0.1:{dashboardPort}/DashboardCounters");
                return counters.StatusCode == HttpStatusCode.OK && (await counters.Content.ReadAsStringAsync()).Contains($"127.0.0.1:{silo.SiloPort}");
            }, TimeSpan.FromSeconds(15), "the dashboard's counters to list the silo");
            using (var healthOnDashboardPort = await Http.GetAsync($"http://127.0.0.1:{dashboardPort}/health/ready"))
            {
                Assert.Equal(HttpStatusCode.NotFound, healthOnDashboardPort.StatusCode);
            }

            await storage.DisposeAsync();
            storageStopped = true;

            await Eventually.Until(async () => (await silo.GetHealthAsync("/health/ready"))?.Status == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(30), "readiness to fail once DynamoDB is gone");
            var unready = await silo.GetHealthAsync("/health/ready");
            Assert.Contains("\"grain-storage\":{\"status\":\"Unhealthy\"", unready?.Body);
            Assert.Contains("\"silo-membership\":{\"status\":\"Healthy\"", unready?.Body);
            Assert.Equal(HttpStatusCode.OK, (await silo.GetHealthAsync("/health/live"))?.Status);
        }
        catch
        {
            output.WriteLine(silo.RecentOutput);
            throw;
        }
        finally
        {
            await silo.DisposeAsync();
            if (!storageStopped)
            {
                await storage.DisposeAsync();
            }
        }
    }
}
