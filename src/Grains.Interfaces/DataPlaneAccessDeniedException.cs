namespace Actors.Grains.Interfaces;

/// <summary>
/// A <see cref="DataPlaneOperationAttribute">data-plane operation</see> was called without the data-plane credential or
/// with a wrong one. The message says which, never the credential.
/// </summary>
[GenerateSerializer, Alias("data-plane-access-denied")]
public sealed class DataPlaneAccessDeniedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DataPlaneAccessDeniedException() : base("Data-plane access denied.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DataPlaneAccessDeniedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public DataPlaneAccessDeniedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
