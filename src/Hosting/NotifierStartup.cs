using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Options;

namespace Actors.Hosting;

/// <summary>
/// Activates every notifier shard when a silo starts, so an outbox persisted by a silo that stopped is delivered
/// without waiting for the next anomaly.
/// </summary>
public sealed class NotifierStartup(IGrainFactory grains, IOptions<NotifierOptions> options) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Shards).Select(shard => grains.GetGrain<INotifierGrain>(shard).GetSnapshot()));
}
