using Actors.Grains.Interfaces;
using Actors.Ingestor.Cluster;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Admin.Tests;

/// <summary>
/// The ingestor's embedded silo restricts admin operations like any silo, with a secret generated for the run that the
/// ingestor presents itself: <c>replay --limits</c> imports, a caller presenting another secret is refused.
/// </summary>
public sealed class IngestorSecretTests
{
    [Fact]
    public async Task The_embedded_silo_accepts_the_ingestors_own_limit_import_and_refuses_a_wrong_secret()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(path, ["""{"product_id": "B205", "date_key": "2026-02-17", "mean": 50.0, "std_dev": 0.5, "ucl_i": 51.5, "lcl_i": 48.5, "ucl_x": 50.67, "lcl_x": 49.33}"""]);
            await using var cluster = await ClusterConnection.StartAsync(new ConfigurationBuilder().Build(), embedded: true, _ => { }, CancellationToken.None);

            var (imported, rejected) = await new LimitsImporter(cluster.Grains, NullLogger<LimitsImporter>.Instance).ImportAsync(path, CancellationToken.None);
            var product = cluster.Grains.GetGrain<IProductGrain>("B205");
            var denied = await Assert.ThrowsAsync<AdminAccessDeniedException>(() =>
                AdminRequestContext.CallAsync("guessed", () => product.ImportLimits([])));

            Assert.Equal((1, 0), (imported, rejected));
            Assert.Equal(50.67, Assert.Single((await product.GetSnapshot()).Limits).UclX);
            Assert.Contains("wrong", denied.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
