using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Actors.Hosting.Health;

/// <summary>
/// Writes a health report as JSON with statuses only: the overall status and each check's status, by check name. What
/// a failing check says (descriptions and errors name tables, addresses and exceptions) goes to the log, not to
/// whoever can reach the port.
/// </summary>
public static partial class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(HealthResponseWriter).FullName!);
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Status != HealthStatus.Healthy && logger is not null)
            {
                LogCheckNotHealthy(logger, entry.Exception, name, entry.Status, entry.Description);
            }
        }
        var checks = report.Entries.ToDictionary(entry => entry.Key, entry => new HealthResponseCheck(entry.Value.Status.ToString()));
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, new HealthResponse(report.Status.ToString(), checks), HealthJsonContext.Default.HealthResponse, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check {Check} is {Status}: {Description}")]
    private static partial void LogCheckNotHealthy(ILogger logger, Exception? exception, string check, HealthStatus status, string? description);
}
