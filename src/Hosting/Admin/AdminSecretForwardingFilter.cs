using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.Admin;

/// <summary>
/// Presents the configured <see cref="AdminOptions.Secret"/> on every outgoing call to an
/// <see cref="AdminOperationAttribute">admin operation</see> that does not already carry one; other calls are untouched.
/// For processes that change state as part of their job (the ingestor importing limits), not for interactive tools.
/// </summary>
public sealed class AdminSecretForwardingFilter(IOptionsMonitor<AdminOptions> options) : IOutgoingGrainCallFilter
{
    /// <inheritdoc />
    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (!AdminOperations.IsAdminOperation(context.InterfaceMethod)
            || options.CurrentValue.Secret is not { Length: > 0 } secret
            || RequestContext.Get(AdminRequestContext.SecretKey) is not null)
        {
            return context.Invoke();
        }
        return AdminRequestContext.CallAsync(secret, context.Invoke);
    }
}
