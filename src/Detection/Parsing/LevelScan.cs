namespace Actors.Detection.Parsing;

/// <summary>
/// What one object level (the record itself, or an envelope's payload) has shown so far. Ranks are positions in the
/// configured field lists; a lower rank wins. Positions point into the parsed input, so details cost nothing until a
/// record is actually rejected.
/// </summary>
internal struct LevelScan
{
    public const int None = int.MaxValue;

    public string? DeviceId;
    public int DeviceIdRank;
    public string? ProductId;
    public int ProductIdRank;
    public DateTime Timestamp;
    public int TimestampRank;
    public int BadTimestampRank;
    public int BadTimestampStart;
    public int BadTimestampLength;
    public string? NonFiniteName;
    public int NonFiniteStart;
    public int NonFiniteLength;
    public MetricBuffer Metrics;

    public LevelScan()
    {
        DeviceIdRank = None;
        ProductIdRank = None;
        TimestampRank = None;
        BadTimestampRank = None;
    }

    public readonly bool HasTimestamp => TimestampRank != None;

    public readonly bool HasBadTimestamp => BadTimestampRank != None;
}
