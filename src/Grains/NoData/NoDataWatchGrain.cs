using Actors.Detection.NoData;
using Actors.Grains.Checkpoints;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;

namespace Actors.Grains.NoData;

/// <summary>
/// One watch shard of the no-data alarm: a <see cref="SilenceWatch"/> over the devices hashed to it, fed at checkpoints
/// (<see cref="Seen"/>) and swept by every silo's <c>NoDataSweeper</c>. A device whose silence ended is asked to raise
/// its alarm itself (<see cref="IDeviceGrain.CheckSilence"/>), so the alarm goes through the device's state machine and
/// the notifier's deduplication like any other, and the device, which has seen every reading, has the last word.
/// </summary>
/// <remarks>
/// A grain, not a timer per device: a fixed number of shards hold a million devices as an ID and an int each, and cost
/// nothing while nobody is silent. The state is written whenever a feed or a sweep changed it, so a shard that moves to
/// another silo goes on from what its source's last checkpoint fed it. Random placement spreads the shards over the silos.
/// </remarks>
[RandomPlacement]
public sealed partial class NoDataWatchGrain(
    [PersistentState("no-data-watch", StorageNames.State)] IPersistentState<SilenceWatchState> state,
    IOptions<NoDataOptions> options,
    TimeProvider time,
    DetectionMetrics metrics,
    ILogger<NoDataWatchGrain> logger) : Grain, INoDataWatchGrain
{
    /// <summary>Devices asked at the same time during a sweep.</summary>
    private const int ParallelChecks = 64;

    private SilenceWatch _watch = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _watch = new SilenceWatch(options.Value.Resolution, time);
        _watch.Load(state.State);
        state.State = new SilenceWatchState();
        return Task.CompletedTask;
    }

    public async Task Seen(SilenceDue[] devices, DateTime? eventClock)
    {
        var changed = _watch.Seen(devices.Select(d => (d.DeviceId, d.Due)), eventClock);
        if (eventClock is not null)
        {
            changed |= await SweepAsync(int.MaxValue);
        }
        if (changed)
        {
            await WriteAsync();
        }
    }

    public async Task Sweep()
    {
        if (await SweepAsync(options.Value.MaxChecksPerSweep))
        {
            await WriteAsync();
        }
    }

    public Task<NoDataWatchSnapshot> GetSnapshot() => Task.FromResult(new NoDataWatchSnapshot
    {
        Devices = _watch.Wheel.Count,
        Raised = _watch.Wheel.Raised,
        Now = _watch.Now,
        OnEventTime = _watch.EventClock is not null,
    });

    /// <returns>Whether any device was taken.</returns>
    private async Task<bool> SweepAsync(int max)
    {
        var now = _watch.Now;
        var due = _watch.TakeDue(max);
        foreach (var chunk in due.Chunk(ParallelChecks))
        {
            await Task.WhenAll(chunk.Select(device => CheckAsync(device, now)));
        }
        return due.Count > 0;
    }

    private async Task CheckAsync(string device, DateTime now)
    {
        try
        {
            var check = await GrainFactory.GetGrain<IDeviceGrain>(device).CheckSilence(now);
            switch (check.Outcome)
            {
                case SilenceOutcome.NotDue:
                    _watch.NotDue(device, check.Due!.Value);
                    break;
                case SilenceOutcome.Raised:
                    _watch.Raised(device, check.Due!.Value);
                    break;
                default:
                    _watch.Wheel.Forget(device);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(device, ex);
            _watch.Retry(device);
        }
    }

    /// <summary>
    /// Writes the watch. A write the store will never take (an item over its size limit: too few shards for the fleet) is
    /// logged and reported like an unwritable device state, and the shard goes on watching in memory, so the sources'
    /// checkpoints do not stall on it; any other error fails the call, and the feed is sent again.
    /// </summary>
    private async Task WriteAsync()
    {
        state.State = _watch.ToState();
        try
        {
            await state.WriteStateAsync();
            metrics.StateWritable(this.GetGrainId());
        }
        catch (Exception error) when (ServiceProvider.GetService<IStateWriteErrorClassifier>()?.IsPermanent(error) == true)
        {
            metrics.StateUnwritable(this.GetGrainId(), time.GetUtcNow().UtcDateTime);
            LogUnwritable(state.State.Devices.Length, error);
        }
        finally
        {
            state.State = new SilenceWatchState();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The silence check of device {DeviceId} failed; it is retried at the next sweep")]
    private partial void LogCheckFailed(string deviceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The no-data watch shard cannot store its {Devices} devices (raise NoData:Shards); it watches them in memory, and a failover loses what was fed since its last write")]
    private partial void LogUnwritable(int devices, Exception exception);
}
