namespace Actors.Admin;

/// <summary>Exit codes of the admin client (documented in docs/admin.md).</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure; the message says what happened.</summary>
    public const int Failure = 1;

    /// <summary>The device or product ID is unknown to the cluster (it has never seen a reading or limits for it).</summary>
    public const int UnknownId = 2;

    /// <summary>The cluster could not be reached, or the connection was lost during the command.</summary>
    public const int ClusterUnreachable = 3;

    /// <summary>Bad input: unknown command or option, missing or malformed file, bad rule syntax, invalid configuration.</summary>
    public const int BadInput = 4;

    /// <summary>The cluster refused a state change: the admin secret is missing or wrong, or not configured on the silos.</summary>
    public const int Refused = 5;

    /// <summary>The action is not allowed in the alarm's state (e.g. acknowledging an alarm that is not raised).</summary>
    public const int NotAllowed = 6;
}
