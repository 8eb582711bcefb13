using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.DataPlane;

/// <summary>
/// Presents the configured <see cref="DataPlaneOptions.Credential"/> on every outgoing call to a
/// <see cref="DataPlaneOperationAttribute">data-plane operation</see>; other calls are untouched. Installed in silos (so
/// a device grain can notify and a product grain be fed by grains) and in ingestors, never in the admin client.
/// </summary>
public sealed class DataPlaneCredentialFilter(IOptionsMonitor<DataPlaneOptions> options) : IOutgoingGrainCallFilter
{
    /// <inheritdoc />
    public Task Invoke(IOutgoingGrainCallContext context) =>
        DataPlaneOperations.IsDataPlaneOperation(context.InterfaceMethod) && options.CurrentValue.Credential is { Length: > 0 } credential
            ? PresentAsync(credential, context)
            : context.Invoke();

    /// <summary>Sets the entry inside this async method, so it travels with this call only, not with the caller's later ones.</summary>
    private static async Task PresentAsync(string credential, IOutgoingGrainCallContext context)
    {
        RequestContext.Set(DataPlaneRequestContext.CredentialKey, credential);
        await context.Invoke();
    }
}
