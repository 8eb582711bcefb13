using Actors.Detection.NoData;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace Actors.Detection.Tests.NoData;

/// <summary>A million devices' silences, spread over the default number of watch shards, fit DynamoDB's item limit.</summary>
public sealed class SilenceWatchSizeTests : IDisposable
{
    /// <summary>DynamoDB's item limit, less 1 KB for the item's key, ETag and type attributes.</summary>
    private const int MaxStateBytes = 400 * 1024 - 1024;

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(SilenceWatchState).Assembly))
        .BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_million_devices_with_16_character_ids_fit_in_every_one_of_the_default_shards()
    {
        var shards = new NoDataOptions().Shards;
        var resolution = new NoDataOptions().Resolution;
        var now = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var watches = Enumerable.Range(0, shards).Select(_ => new SilenceWatch(resolution, TimeProvider.System)).ToArray();
        var fed = Enumerable.Range(0, 1_000_000).Select(i => $"sensor-{i:D9}").GroupBy(id => NotifierShard.For(id, shards));
        foreach (var group in fed)
        {
            watches[group.Key].Seen(group.Select((id, i) => (id, now.AddSeconds(i % 86_400).AddHours(1))), eventClock: null);
        }

        var serializer = _services.GetRequiredService<Serializer>();
        var sizes = watches.Select(w => serializer.SerializeToArray(w.ToState()).Length).ToArray();

        Assert.Equal(1_000_000, watches.Sum(w => w.Wheel.Count));
        Assert.All(sizes, size => Assert.InRange(size, 1, MaxStateBytes));
        Assert.InRange(sizes.Sum() / 1_000_000.0, 16, 24);
    }
}
