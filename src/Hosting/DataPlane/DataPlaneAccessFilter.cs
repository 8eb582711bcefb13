using Actors.Grains.Interfaces;
using Actors.Hosting.Admin;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.DataPlane;

/// <summary>
/// Refuses a <see cref="DataPlaneOperationAttribute">data-plane operation</see> unless the call presents the configured
/// <see cref="DataPlaneOptions.Credential"/> in its request context, whoever the caller claims to be (a client can put
/// any grain's identity on its messages). Silos present it on their own grains' calls and ingestors on theirs (see
/// <see cref="DataPlaneCredentialFilter"/>); the admin client holds no credential. The presented credential is removed
/// from the request context before the grain runs. A silo with no credential configured lets every call through.
/// </summary>
public sealed partial class DataPlaneAccessFilter(IOptionsMonitor<DataPlaneOptions> options, ILogger<DataPlaneAccessFilter> logger) : IIncomingGrainCallFilter
{
    /// <inheritdoc />
    public Task Invoke(IIncomingGrainCallContext context)
    {
        var method = context.InterfaceMethod;
        if (!DataPlaneOperations.IsDataPlaneOperation(method) || options.CurrentValue.Credential is not { Length: > 0 } configured)
        {
            return context.Invoke();
        }
        var presented = RequestContext.Get(DataPlaneRequestContext.CredentialKey) as string;
        RequestContext.Remove(DataPlaneRequestContext.CredentialKey);
        if (AdminSecret.Matches(configured, presented))
        {
            return context.Invoke();
        }
        var operation = $"{method!.DeclaringType?.Name}.{method.Name}";
        var reason = string.IsNullOrEmpty(presented)
            ? $"{operation} refused: the call carried no data-plane credential. Only silos and ingestors (DataPlane__Credential) call data-plane operations."
            : $"{operation} refused: the data-plane credential presented is wrong.";
        LogRefused(logger, operation, context.SourceId?.ToString() ?? "an unidentified caller", reason);
        throw new DataPlaneAccessDeniedException(reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data-plane operation {Operation} from {Caller} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string operation, string caller, string reason);
}
