namespace Actors.Admin;

/// <summary>A command failed in a way the user can act on; <see cref="ExitCode"/> is what the process returns.</summary>
public sealed class AdminCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AdminCommandException(int exitCode, string message, Exception? innerException = null) : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>One of <see cref="ExitCodes"/>.</summary>
    public int ExitCode { get; }

    /// <summary>The ID names nothing the cluster knows.</summary>
    public static AdminCommandException UnknownId(string message) => new(ExitCodes.UnknownId, message);

    /// <summary>The input (a file, an option value, the configuration) is missing or malformed.</summary>
    public static AdminCommandException BadInput(string message, Exception? innerException = null) => new(ExitCodes.BadInput, message, innerException);
}
