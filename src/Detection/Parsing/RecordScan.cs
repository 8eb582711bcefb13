namespace Actors.Detection.Parsing;

/// <summary>Everything one parse has collected; which level supplies what is decided only after the whole record is read.</summary>
internal struct RecordScan
{
    public LevelScan Top;
    public LevelScan Payload;
    public string? EnvelopeDeviceId;
    public bool IsEnvelope;

    public RecordScan()
    {
        Top = new LevelScan();
        Payload = new LevelScan();
    }

    public void Release()
    {
        Top.Metrics.Release();
        Payload.Metrics.Release();
    }
}
