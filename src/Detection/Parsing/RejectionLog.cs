using Microsoft.Extensions.Logging;

namespace Actors.Detection.Parsing;

/// <summary>Counts rejected records per reason and logs each one with its position. Thread-safe.</summary>
public sealed partial class RejectionLog(ILogger<RejectionLog> logger)
{
    private static readonly RejectReason[] Reasons = [.. Enum.GetValues<RejectReason>().Where(r => r != RejectReason.None)];

    private readonly long[] _counts = new long[Reasons.Max(r => (int)r) + 1];
    private long _total;

    /// <summary>Records rejected so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>A snapshot of the count of every reason (zero included, <see cref="RejectReason.None"/> excluded).</summary>
    public IReadOnlyDictionary<RejectReason, long> Counts =>
        Reasons.ToDictionary(reason => reason, reason => Interlocked.Read(ref _counts[(int)reason]));

    /// <summary>Counts and logs a rejected record.</summary>
    /// <param name="source">Where the record came from, e.g. <c>input.ndjson:42</c>.</param>
    /// <param name="outcome">The rejected outcome of parsing it.</param>
    /// <param name="raw">The record's raw bytes, for the excerpt.</param>
    /// <returns>The rejection, e.g. for a dead-letter output.</returns>
    /// <exception cref="ArgumentException">The outcome was accepted.</exception>
    public RejectedRecord Record(string source, ParseOutcome outcome, ReadOnlySpan<byte> raw)
    {
        var rejected = RejectedRecord.Create(source, outcome, raw);
        if (rejected.Reason < RejectReason.None || (int)rejected.Reason >= _counts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), rejected.Reason, "Unknown rejection reason.");
        }
        Interlocked.Increment(ref _counts[(int)rejected.Reason]);
        Interlocked.Increment(ref _total);
        LogRejected(logger, rejected.Source, rejected.Reason, rejected.Detail, rejected.Excerpt);
        return rejected;
    }

    [LoggerMessage(EventId = 1, EventName = "RecordRejected", Level = LogLevel.Warning,
        Message = "Rejected record at {Source}: {Reason} ({Detail}): {Excerpt}")]
    private static partial void LogRejected(ILogger logger, string source, RejectReason reason, string? detail, string excerpt);
}
