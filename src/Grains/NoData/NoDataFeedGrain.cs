using Actors.Detection.NoData;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Actors.Grains.NoData;

/// <summary>
/// Turns a source's latest readings per device into silence ends by this silo's <c>NoData</c> settings and sends one
/// call per watch shard. A stateless worker: it runs on the silo that got the call, as many at once as needed.
/// </summary>
[StatelessWorker]
public sealed class NoDataFeedGrain(NoDataPolicy policy, IOptions<NoDataOptions> options) : Grain, INoDataFeedGrain
{
    public Task Seen(LastSeen[] devices, DateTime? eventClock)
    {
        if (!policy.Enabled)
        {
            return Task.CompletedTask;
        }
        var shards = options.Value.Shards;
        var byShard = new Dictionary<long, List<SilenceDue>>();
        foreach (var device in devices)
        {
            if (policy.AfterFor(device.DeviceId, device.ProductId) is not { } after)
            {
                continue;
            }
            var shard = NotifierShard.For(device.DeviceId, shards);
            if (!byShard.TryGetValue(shard, out var due))
            {
                byShard[shard] = due = [];
            }
            due.Add(new SilenceDue { DeviceId = device.DeviceId, Due = device.Time + after });
        }
        var targets = eventClock is null ? byShard.Keys : Enumerable.Range(0, shards).Select(shard => (long)shard);
        return Task.WhenAll(targets.Select(shard =>
            GrainFactory.GetGrain<INoDataWatchGrain>(shard).Seen(byShard.TryGetValue(shard, out var due) ? [.. due] : [], eventClock)));
    }
}
