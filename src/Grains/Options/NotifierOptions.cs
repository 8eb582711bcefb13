namespace Actors.Grains.Options;

/// <summary>Notifier settings (configuration section <c>Notifier</c>).</summary>
public sealed class NotifierOptions
{
    public const string SectionName = "Notifier";

    /// <summary>Number of notifier grains; a device always uses the same one. Default 4. Changing it moves devices between shards.</summary>
    public int Shards { get; set; } = 4;

    /// <summary>Repeats of the same device, metric and type within this time are folded into one summary. Default 1 minute.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sinks to deliver to, by name: <c>log</c>, <c>file</c>, <c>sns</c>, <c>kinesis</c>, <c>commands</c> (docs/alarms.md). Default none: anomalies are recorded and countable but not sent.</summary>
    public string[] Sinks { get; set; } = [];

    /// <summary>How often the outbox is delivered and cooldowns are expired. Default 250 ms.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First retry delay after a failed delivery; doubles per attempt with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the retry delay. Default 1 minute.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a shard remembers the alert IDs it received, so that readings judged again after a crash (from the last
    /// checkpoint) do not notify twice: cover the checkpoint interval plus the longest time a crashed ingestor or silo
    /// may take to come back. Default 6 hours.
    /// </summary>
    public TimeSpan DedupRetention { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long anomalies a device hands over (<see cref="Interfaces.INotifierGrain.Queue"/>) may wait before the shard
    /// commits them, all queued calls with one write; a device asks for them to be committed sooner before it writes its
    /// own state. Alerts are delivered once committed. Default 1 s; zero: each device call returns only once its anomalies
    /// are committed (<see cref="Interfaces.INotifierGrain.Notify"/>), one commit per call unless calls overlap.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Readiness reports degraded while a notification has waited longer than this for a sink. Default 2 minutes.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time limit of one delivery attempt to one sink; a sink that does not answer is retried later. Default 10 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most recent anomalies kept per shard for <c>alerts list</c>. Default 200 (keeps a shard's state well under the 400 KB DynamoDB item limit).</summary>
    public int RecentAnomalies { get; set; } = 200;
}
