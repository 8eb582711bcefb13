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
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteEndObject();
            if (entry.Status != HealthStatus.Healthy && logger is not null)
            {
                LogCheckNotHealthy(logger, entry.Exception, name, entry.Status, entry.Description);
            }
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check {Check} is {Status}: {Description}")]
    private static partial void LogCheckNotHealthy(ILogger logger, Exception? exception, string check, HealthStatus status, string? description);
}
