using Xunit;
using Xunit.Abstractions;
using System.Net;
using Actors.Cluster.Tests.Fixtures;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Health;

/// <summary>The silo's health endpoints as a load balancer or ECS sees them.</summary>
[Collection(ClusterEnvironmentCollection.Name)]
public sealed class SiloReadinessTests(ClusterEnvironment environment, ITestOutputHelper output)
{
    [Fact]
    public async Task Ready_is_200_on_a_running_silo_and_503_once_its_storage_is_unreachable_while_live_stays_200()
    {
        var storage = new MotoServer();
        await storage.InitializeAsync();
        var storageStopped = false;
        var clusterId = $"ready-{Guid.NewGuid():N}"[..14];
        var settings = environment.SiloSettings(clusterId);
        settings["DynamoDB:ServiceUrl"] = storage.ServiceUrl.ToString();
        var silo = SiloProcess.Start("ready", settings);
        try
        {
            await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var ready = await silo.GetHealthAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready?.Status);
            Assert.Contains("\"silo-membership\":{\"status\":\"Healthy\"", ready?.Body);
            Assert.Contains("\"grain-storage\":{\"status\":\"Healthy\"", ready?.Body);

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
