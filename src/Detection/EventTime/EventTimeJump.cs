namespace Actors.Detection.EventTime;

/// <summary>
/// The rule that keeps one outlier timestamp from moving a watermark (a device's latest judged event time, a product's
/// latest counted event time): a reading more than a maximum jump ahead of the watermark is an outlier and is set aside
/// without changing anything, unless the reading right before it (for the same watermark) was such an outlier too, within
/// the maximum jump of this one. Two consecutive readings that agree on the new time confirm a real jump (a device back
/// after a long silence); a single bit-flipped or mis-set clock cannot silence a device or prune a product's history.
/// </summary>
/// <remarks>
/// The price of the rule: after a real gap longer than the maximum jump, the first reading is set aside (counted as an
/// outlier) and the second one moves the watermark.
/// </remarks>
public static class EventTimeJump
{
    /// <summary>Default maximum jump: 7 days.</summary>
    public static readonly TimeSpan DefaultMaxJump = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether <paramref name="time"/> is an outlier against <paramref name="watermark"/>, updating the remembered
    /// unconfirmed outlier <paramref name="candidate"/>: set to <paramref name="time"/> for an outlier, cleared otherwise.
    /// </summary>
    /// <param name="watermark">The latest event time that moved the watermark; null before the first.</param>
    /// <param name="candidate">The previous reading's time if it was an outlier; null otherwise.</param>
    /// <param name="time">The reading's event time.</param>
    /// <param name="maxJump">How far ahead of the watermark a reading may be without confirmation.</param>
    public static bool IsOutlier(DateTime? watermark, ref DateTime? candidate, DateTime time, TimeSpan maxJump)
    {
        if (watermark is not { } latest || time - latest <= maxJump
            || (candidate is { } previous && (time - previous).Duration() <= maxJump))
        {
            candidate = null;
            return false;
        }
        candidate = time;
        return true;
    }
}
