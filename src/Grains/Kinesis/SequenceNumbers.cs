namespace Actors.Grains.Kinesis;

/// <summary>Orders Kinesis sequence numbers: decimal integers of up to 128 bits, written without leading zeros.</summary>
public static class SequenceNumbers
{
    /// <summary>Negative when <paramref name="left"/> comes before <paramref name="right"/>, zero when equal, positive after.</summary>
    public static int Compare(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var byLength = left.TrimStart('0').Length.CompareTo(right.TrimStart('0').Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(left.TrimStart('0'), right.TrimStart('0'));
    }
}
