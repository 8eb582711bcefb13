using System.Collections.Concurrent;
using System.Globalization;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Failover;

/// <summary>
/// A steady stream of readings: batch <c>k</c> holds one reading per device at second <c>k</c>, each device on one of
/// a few products. Every batch goes through <see cref="ReadingDispatcher"/> with stable positions, and a checkpoint is
/// taken every <see cref="CheckpointEvery"/> batches, as the ingestor does with a Kinesis shard: when a batch or a
/// checkpoint fails, or a grain answers that it lost its state, the stream goes back to its last checkpoint and sends
/// every batch since then again. Records the attempts of every batch.
/// </summary>
public sealed class DeviceStream(IGrainFactory grains, string prefix, int devices, int products)
{
    public const int CheckpointEvery = 3;

    public static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    private readonly ReadingDispatcher _dispatcher = new(grains, $"{prefix}-stream");
    private readonly ConcurrentQueue<BatchAttempts> _batches = new();
    private int _sent;
    private int _checkpointed = -1;

    public IReadOnlyList<string> DeviceIds { get; } = Enumerable.Range(0, devices).Select(i => $"{prefix}-dev-{i:00}").ToArray();

    public IReadOnlyList<string> ProductIds { get; } = Enumerable.Range(0, products).Select(i => $"{prefix}-prod-{i}").ToArray();

    /// <summary>Batches judged so far.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Every batch judged, with its failed attempts.</summary>
    public IReadOnlyCollection<BatchAttempts> Batches => _batches;

    public string ProductOf(int device) => ProductIds[device % ProductIds.Count];

    public static DateTime TimeOf(int batch) => Start.AddSeconds(batch);

    /// <summary>Sends batch after batch until <paramref name="stop"/> is cancelled; each batch is retried until <paramref name="batchDeadline"/>.</summary>
    public async Task RunAsync(TimeSpan batchDeadline, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await SendAsync(Sent, batchDeadline);
        }
    }

    private async Task SendAsync(int batch, TimeSpan deadline)
    {
        var failures = new List<string>();
        var started = DateTime.UtcNow;
        var from = batch;
        await Eventually.Until(async () =>
        {
            try
            {
                for (; from <= batch; from++)
                {
                    if ((await _dispatcher.DispatchAsync(Readings(from), Positions(from))).Behind)
                    {
                        return Rewind($"batch {from}: a grain lost its state since the checkpoint");
                    }
                }
                if ((batch + 1) % CheckpointEvery == 0)
                {
                    if ((await _dispatcher.CheckpointAsync()).Behind)
                    {
                        return Rewind($"checkpoint after batch {batch}: a grain lost its state since the previous one");
                    }
                    _checkpointed = batch;
                }
                return true;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
            {
                return Rewind($"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            }
        }, deadline, $"batch {batch} to be judged (failures: {string.Join(" | ", failures.TakeLast(3))})");
        _batches.Enqueue(new BatchAttempts(batch, started, failures));
        Interlocked.Increment(ref _sent);

        bool Rewind(string failure)
        {
            failures.Add(failure);
            _dispatcher.Rewind();
            from = _checkpointed + 1;
            return false;
        }
    }

    private Reading[] Readings(int batch) => DeviceIds.Select((device, i) => new Reading
    {
        DeviceId = device,
        ProductId = ProductOf(i),
        Timestamp = TimeOf(batch),
        Metrics = [new Metric("thickness", 50 + (((batch * 7) + i) % 11 - 5) * 0.01)],
    }).ToArray();

    private string[] Positions(int batch) =>
        [.. Enumerable.Range(0, DeviceIds.Count).Select(i => ((long)batch * DeviceIds.Count + i + 1).ToString(CultureInfo.InvariantCulture))];
}
