namespace Actors.Detection.NoData;

/// <summary>
/// Times as whole steps of a resolution since 2000-01-01 UTC, in an int: 4 bytes per device where a DateTime takes 8,
/// and at a minute's resolution good until the year 6000.
/// </summary>
public readonly record struct SilenceTicks(TimeSpan Resolution)
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The step that <paramref name="time"/> lies in (rounded down): a sweep at that time takes what is due up to it.</summary>
    public int Floor(DateTime time) => Clamp(Math.Floor((time - Epoch) / Resolution));

    /// <summary>The first step at or after <paramref name="time"/>: a silence ending then is swept no earlier than it ends.</summary>
    public int Ceiling(DateTime time) => Clamp(Math.Ceiling((time - Epoch) / Resolution));

    /// <summary>The start of step <paramref name="tick"/>.</summary>
    public DateTime ToTime(int tick) => Epoch + Resolution * tick;

    private static int Clamp(double steps) => (int)Math.Clamp(steps, 0, int.MaxValue - 1);
}
