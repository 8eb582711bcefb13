using System.Globalization;
using Actors.Ingestor.Pipeline;

namespace Actors.Ingestor.Kinesis;

/// <summary>Kinesis ingest settings (configuration section <c>Kinesis</c>).</summary>
public sealed class KinesisIngestOptions
{
    /// <summary>The configuration section: <c>Kinesis</c>.</summary>
    public const string SectionName = "Kinesis";

    /// <summary>The shortest <see cref="PollInterval"/>: Kinesis serves at most five GetRecords calls per second and shard.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The shortest <see cref="LeaseDuration"/> accepted.</summary>
    public static readonly TimeSpan MinLeaseDuration = TimeSpan.FromSeconds(1);

    /// <summary>The stream to read. Required (the <c>ingest --stream</c> option sets it).</summary>
    public string StreamName { get; set; } = "";

    /// <summary>Where a shard without a checkpoint is read from. Default <see cref="KinesisInitialPosition.TrimHorizon"/>: nothing retained is skipped.</summary>
    public KinesisInitialPosition InitialPosition { get; set; } = KinesisInitialPosition.TrimHorizon;

    /// <summary>The start time for <see cref="KinesisInitialPosition.AtTimestamp"/> (required then, ignored otherwise).</summary>
    public DateTimeOffset? InitialTimestamp { get; set; }

    /// <summary>The least time between two GetRecords calls on one shard. Default and minimum 200 ms: at most 5 calls per second and shard.</summary>
    public TimeSpan PollInterval { get; set; } = MinPollInterval;

    /// <summary>Records asked for per GetRecords call, 1 to 10,000. Default 10,000.</summary>
    public int MaxRecordsPerCall { get; set; } = 10_000;

    /// <summary>
    /// Grain calls in flight from all the shards this worker reads, together. Default 256: a worker with a hundred shards
    /// that checkpoint at once sends their devices' writes no faster than the cluster and its store take them, instead of
    /// timing out the calls at the back of the queue.
    /// </summary>
    public int MaxGrainCallsInFlight { get; set; } = GrainCallGate.DefaultLimit;

    /// <summary>How often the shard list is read again, to find the children of a split or merge. Default 10 s; a shard read to its end triggers a listing at once.</summary>
    public TimeSpan ShardDiscoveryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long this worker's shard leases last without a heartbeat; heartbeats go every third of it. A worker that dies
    /// has its shards taken over after at most this plus one heartbeat interval of a survivor. Default 15 s, at least 1 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>This worker's ID, unique among the workers of the stream. Default <c>host-pid-random</c>.</summary>
    public string WorkerId { get; set; } = DefaultWorkerId();

    /// <summary>NDJSON file every rejected record is appended to (with shard, sequence number, reason and base64 data). Default <c>dead-letter.ndjson</c> in the working directory.</summary>
    public string DeadLetterPath { get; set; } = "dead-letter.ndjson";

    /// <summary>Kinesis stream rejected records are put to instead of <see cref="DeadLetterPath"/>, when set (e.g. on ECS, where a task's files do not outlive it). Default none.</summary>
    public string? DeadLetterStream { get; set; }

    /// <summary>A third of <see cref="LeaseDuration"/>.</summary>
    public TimeSpan HeartbeatInterval => LeaseDuration / 3;

    /// <summary>A fresh <c>host-pid-random</c> worker ID.</summary>
    public static string DefaultWorkerId() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Random.Shared.Next(0x1000000):x6}");
}
