namespace Actors.Ingestor.Commands;

/// <summary>Process exit codes (documented in README.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InputNotFound = 2;
    public const int ClusterUnreachable = 3;
    public const int InvalidConfiguration = 4;
    public const int Refused = 5;
}
