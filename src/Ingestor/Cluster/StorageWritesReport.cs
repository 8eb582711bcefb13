using System.Globalization;
using Actors.Persistence.DynamoDB;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Ingestor.Cluster;

/// <summary>
/// The line a command prints about what its embedded silo wrote to DynamoDB, in DynamoDB's billing terms (from the
/// storage provider's <see cref="DynamoDBWriteMeter"/>): the cost of a run, per 1,000 readings and by grain type.
/// </summary>
public static class StorageWritesReport
{
    /// <summary>The line, or null when the grains are remote or their state is not in DynamoDB.</summary>
    /// <param name="cluster">The command's cluster connection.</param>
    /// <param name="readings">The readings the run accepted.</param>
    public static string? Describe(ClusterConnection cluster, long readings)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!cluster.Embedded || cluster.Services.GetService<DynamoDBWriteMeter>() is not { } meter)
        {
            return null;
        }
        var total = meter.Total;
        var perThousand = readings == 0 ? 0 : total.WriteUnits * 1000.0 / readings;
        var byGrainType = string.Join(", ", meter.ByGrainType.OrderByDescending(t => t.Value.WriteUnits).Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value.Requests:N0} requests {t.Value.WriteUnits:N0} WRU {t.Value.AverageItemBytes:N0} B")));
        return string.Create(CultureInfo.InvariantCulture,
            $"dynamodb: {total.Requests:N0} write requests, {total.WriteUnits:N0} WRU ({perThousand:0.00} per 1,000 readings), average item {total.AverageItemBytes:N0} B; by grain type: {byGrainType}");
    }
}
