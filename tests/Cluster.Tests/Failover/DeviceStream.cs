using System.Collections.Concurrent;
using Actors.Grains.Interfaces;
using Actors.Ingestor.Pipeline;
using Actors.TestSupport;

namespace Actors.Cluster.Tests.Failover;

/// <summary>
/// A steady stream of readings: batch <c>k</c> holds one reading per device at second <c>k</c>, each device on one of
/// a few products. Every batch goes through <see cref="ReadingDispatcher"/>; a failed batch is sent again, whole, until
/// it succeeds, as the ingestor does. Records the attempts of every batch.
/// </summary>
public sealed class DeviceStream(IGrainFactory grains, string prefix, int devices, int products)
{
    public static readonly DateTime Start = new(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc);

    private readonly ReadingDispatcher _dispatcher = new(grains);
    private readonly ConcurrentQueue<BatchAttempts> _batches = new();
    private int _sent;

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
        var readings = DeviceIds.Select((device, i) => new Reading
        {
            DeviceId = device,
            ProductId = ProductOf(i),
            Timestamp = TimeOf(batch),
            Metrics = [new Metric("thickness", 50 + (((batch * 7) + i) % 11 - 5) * 0.01)],
        }).ToArray();
        var failures = new List<string>();
        var started = DateTime.UtcNow;
        await Eventually.Until(async () =>
        {
            try
            {
                await _dispatcher.DispatchAsync(readings);
                return true;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
            {
                failures.Add($"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                return false;
            }
        }, deadline, $"batch {batch} to be judged (failures: {string.Join(" | ", failures.TakeLast(3))})");
        _batches.Enqueue(new BatchAttempts(batch, started, failures));
        Interlocked.Increment(ref _sent);
    }
}
