namespace Actors.Grains.Interfaces;

/// <summary>
/// Positions of records in their source: a Kinesis sequence number, or a line or record number; all are decimal
/// integers without leading zeros, some longer than any integer type, so they compare by length, then digit by digit.
/// </summary>
public static class SourcePosition
{
    /// <summary>Negative when <paramref name="a"/> comes before <paramref name="b"/>; a missing position comes first.</summary>
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }
        return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
    }
}
