using Actors.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.Admin;

/// <summary>
/// Refuses an <see cref="AdminOperationAttribute">admin operation</see> unless the call presents the configured
/// <see cref="AdminOptions.Secret"/> in its request context, whoever the caller claims to be: a client can put any
/// grain's identity on its messages, so no caller is exempt (no grain calls an admin operation). The presented secret
/// is removed from the request context before the grain runs, so it does not travel on with the calls the grain makes.
/// </summary>
public sealed partial class AdminAccessFilter(IOptionsMonitor<AdminOptions> options, ILogger<AdminAccessFilter> logger) : IIncomingGrainCallFilter
{
    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var method = context.InterfaceMethod;
        if (!AdminOperations.IsAdminOperation(method))
        {
            return context.Invoke();
        }
        var presented = RequestContext.Get(AdminRequestContext.SecretKey) as string;
        RequestContext.Remove(AdminRequestContext.SecretKey);
        var operation = AdminOperations.NameOf(method);
        var caller = context.SourceId?.ToString() ?? "an unidentified caller";
        var refusal = Refusal(options.CurrentValue.Secret, presented, operation);
        if (refusal is not null)
        {
            LogRefused(logger, operation, caller, refusal);
            throw new AdminAccessDeniedException(refusal);
        }
        LogAccepted(logger, operation, caller);
        return context.Invoke();
    }

    private static string? Refusal(string? configured, string? presented, string operation)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return $"{operation} refused: no admin secret is configured on the silo. Configure Admin:Secret "
                + "(environment variable Admin__Secret) on every silo and give the admin client the same value.";
        }
        if (string.IsNullOrEmpty(presented))
        {
            return $"{operation} refused: the call carried no admin secret. Set Admin:Secret (environment variable Admin__Secret) "
                + "on the client to the silos' value.";
        }
        return AdminSecret.Matches(configured, presented) ? null : $"{operation} refused: the admin secret presented is wrong.";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin operation {Operation} from {Caller} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string operation, string caller, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin operation {Operation} from {Caller} accepted")]
    private static partial void LogAccepted(ILogger logger, string operation, string caller);
}
