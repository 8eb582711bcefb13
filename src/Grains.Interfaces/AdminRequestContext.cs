namespace Actors.Grains.Interfaces;

/// <summary>
/// How a caller presents the admin secret for an <see cref="AdminOperationAttribute">admin operation</see>: as the
/// Orleans <see cref="RequestContext"/> entry <see cref="SecretKey"/>.
/// </summary>
public static class AdminRequestContext
{
    /// <summary>The request-context key the silo reads the presented secret from.</summary>
    public const string SecretKey = "admin-secret";

    /// <summary>
    /// Runs <paramref name="call"/> with <paramref name="secret"/> in the request context. The entry is visible only to
    /// the grain calls <paramref name="call"/> makes, not to the caller's later calls. A null or empty secret presents none.
    /// </summary>
    public static async Task<T> CallAsync<T>(string? secret, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Present(secret);
        return await call();
    }

    /// <inheritdoc cref="CallAsync{T}(string?, Func{Task{T}})"/>
    public static async Task CallAsync(string? secret, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Present(secret);
        await call();
    }

    private static void Present(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            RequestContext.Remove(SecretKey);
        }
        else
        {
            RequestContext.Set(SecretKey, secret);
        }
    }
}
