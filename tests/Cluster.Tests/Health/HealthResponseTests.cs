using System.Text;
using Actors.Hosting.Health;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace Actors.Cluster.Tests.Health;

/// <summary>Issue 12: the health endpoints reveal statuses only, nothing that helps an attacker.</summary>
public sealed class HealthResponseTests
{
    [Fact]
    public async Task The_answer_holds_the_statuses_and_nothing_else()
    {
        var report = new HealthReport(new Dictionary<string, HealthReportEntry>
        {
            ["silo-membership"] = new(HealthStatus.Healthy, "Silo S10.0.2.106:11111:154388427 is Active in cluster iot-detection.", TimeSpan.FromMilliseconds(0.2), null, null),
            ["grain-storage"] = new(HealthStatus.Unhealthy, "DynamoDB table iot-grain-state at http://10.0.2.7:4566 is unreachable", TimeSpan.FromMilliseconds(2.9),
                new HttpRequestException("Connection refused (10.0.2.7:4566)"), null),
        }, TimeSpan.FromMilliseconds(3.1));
        var context = new DefaultHttpContext { RequestServices = new EmptyServices() };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await HealthResponseWriter.WriteAsync(context, report);

        Assert.Equal("""{"status":"Unhealthy","checks":{"silo-membership":{"status":"Healthy"},"grain-storage":{"status":"Unhealthy"}}}""", Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
