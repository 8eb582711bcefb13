using Actors.Detection.NoData;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Hosting;

/// <summary>
/// Every <c>NoData:SweepInterval</c>, asks every no-data watch shard to raise the alarms that are due. It runs on every
/// silo, so a shard whose silo died is activated again on a live one (from its stored state) by the next sweep, whether
/// or not any reading arrives: one timer per silo instead of a reminder per device, and no reminder table to run. A
/// shard's sweep that has not returned yet (its silo just died, and the call waits) holds up only that shard.
/// </summary>
public sealed partial class NoDataSweeper(
    IGrainFactory grains, IOptions<NoDataOptions> options, TimeProvider time, ILogger<NoDataSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        var running = new Task[settings.Shards];
        using var timer = new PeriodicTimer(settings.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            for (var shard = 0; shard < running.Length; shard++)
            {
                if (running[shard] is null or { IsCompleted: true })
                {
                    running[shard] = SweepAsync(shard, stoppingToken);
                }
            }
        }
        await Task.WhenAll(running.Where(sweep => sweep is not null));
    }

    private async Task SweepAsync(int shard, CancellationToken stoppingToken)
    {
        try
        {
            await grains.GetGrain<INoDataWatchGrain>(shard).Sweep();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogSweepFailed(shard, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of no-data watch shard {Shard} failed; the next sweep tries again")]
    private partial void LogSweepFailed(int shard, Exception exception);
}
