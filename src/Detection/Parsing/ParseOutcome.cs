using System.Diagnostics.CodeAnalysis;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Parsing;

/// <summary>The result of parsing one record: either a reading or the reason it was rejected.</summary>
public readonly record struct ParseOutcome
{
    private ParseOutcome(Reading? reading, RejectReason reason, string? detail)
    {
        Reading = reading;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>The normalized reading; null when rejected.</summary>
    public Reading? Reading { get; }

    /// <summary><see cref="RejectReason.None"/> when accepted.</summary>
    public RejectReason Reason { get; }

    /// <summary>Short human-readable explanation of a rejection (which field, which value); null when accepted.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Reading"/> holds a reading.</summary>
    [MemberNotNullWhen(true, nameof(Reading))]
    public bool IsAccepted => Reading is not null;

    /// <summary>An accepted record.</summary>
    public static ParseOutcome Accepted(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new ParseOutcome(reading, RejectReason.None, null);
    }

    /// <summary>A rejected record.</summary>
    public static ParseOutcome Rejected(RejectReason reason, string? detail)
    {
        if (reason == RejectReason.None)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "A rejection needs a reason.");
        }
        return new ParseOutcome(null, reason, detail);
    }
}
