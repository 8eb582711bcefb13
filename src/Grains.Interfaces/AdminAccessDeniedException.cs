namespace Actors.Grains.Interfaces;

/// <summary>
/// An <see cref="AdminOperationAttribute">admin operation</see> was called without the admin secret, with a wrong one, or
/// on a silo that has no admin secret configured. The message says which, never the secret.
/// </summary>
[GenerateSerializer, Alias("admin-access-denied")]
public sealed class AdminAccessDeniedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public AdminAccessDeniedException() : base("Admin access denied.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AdminAccessDeniedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    public AdminAccessDeniedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
