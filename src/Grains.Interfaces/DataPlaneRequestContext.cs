namespace Actors.Grains.Interfaces;

/// <summary>
/// How a caller presents the data-plane credential for a <see cref="DataPlaneOperationAttribute">data-plane operation</see>:
/// as the Orleans <see cref="RequestContext"/> entry <see cref="CredentialKey"/>.
/// </summary>
public static class DataPlaneRequestContext
{
    /// <summary>The request-context key the silo reads the presented credential from.</summary>
    public const string CredentialKey = "data-plane-credential";
}
