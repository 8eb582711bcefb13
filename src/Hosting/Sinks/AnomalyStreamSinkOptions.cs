namespace Actors.Hosting.Sinks;

/// <summary>The <c>kinesis</c> notification sink (configuration section <c>AnomalyStream</c>).</summary>
public sealed class AnomalyStreamSinkOptions
{
    public const string SectionName = "AnomalyStream";

    /// <summary>Kinesis stream anomalies are written to, as the seed system's output stream. Required when <c>Notifier:Sinks</c> contains <c>kinesis</c>.</summary>
    public string? StreamName { get; set; }
}
