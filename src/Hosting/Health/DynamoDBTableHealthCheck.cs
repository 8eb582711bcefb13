using Actors.Persistence.DynamoDB;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Hosting.Health;

/// <summary>
/// Ready when the grain state table answers <c>DescribeTable</c> as ACTIVE (or UPDATING): the endpoint is reachable,
/// the credentials work and the table exists. One request per check, no SDK retries: the check's own timeout bounds it.
/// </summary>
public sealed class DynamoDBTableHealthCheck : IHealthCheck, IDisposable
{
    private readonly string _tableName;
    private readonly AmazonDynamoDBClient _client;

    /// <summary>Checks the table of the grain storage configured by <paramref name="options"/> and <paramref name="aws"/>.</summary>
    public DynamoDBTableHealthCheck(DynamoDBGrainStorageOptions options, AWSOptions? aws)
    {
        _tableName = options.TableName;
        var config = options.CreateClientConfig(aws);
        config.MaxErrorRetry = 0;
        config.Timeout = TimeSpan.FromSeconds(3);
        _client = new AmazonDynamoDBClient(config);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var table = (await _client.DescribeTableAsync(new DescribeTableRequest { TableName = _tableName }, cancellationToken)).Table;
            var description = $"DynamoDB table {_tableName} is {table.TableStatus}.";
            return table.TableStatus == TableStatus.ACTIVE || table.TableStatus == TableStatus.UPDATING
                ? HealthCheckResult.Healthy(description)
                : HealthCheckResult.Unhealthy(description);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy($"DynamoDB table {_tableName} is unreachable: {ex.Message}", ex);
        }
    }

    public void Dispose() => _client.Dispose();
}
