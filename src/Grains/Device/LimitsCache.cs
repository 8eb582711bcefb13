using System.Collections.Concurrent;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Device;

/// <summary>
/// The silo's copies of the products' daily control limits, each fetched from its product grain again when older than
/// <see cref="DeviceGrainOptions.LimitsRefreshInterval"/> (so imports are seen), shared by every device grain of the
/// silo so that a product's limits are held once, not once per device. Thread-safe. Copies too old to be used are
/// dropped at most once per refresh interval.
/// </summary>
public sealed class LimitsCache(IGrainFactory grains, IOptions<SpcOptions> spcSettings, IOptions<DeviceGrainOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Product, DateOnly Day), Fetched> _limits = new();
    private long _lastSweepTicks;

    /// <summary>The calendar whose days the limits are for.</summary>
    public SpcCalendar Calendar { get; } = SpcCalendar.FromId(spcSettings.Value.TimeZone);

    /// <summary>The limits of <paramref name="product"/> for <paramref name="day"/> (empty when it has none).</summary>
    /// <param name="product">The product.</param>
    /// <param name="day">The SPC day (see <see cref="Calendar"/>).</param>
    public ValueTask<ControlLimits[]> GetAsync(string product, DateOnly day)
    {
        var now = time.GetUtcNow();
        return _limits.TryGetValue((product, day), out var fetched) && IsFresh(fetched, now)
            ? ValueTask.FromResult(fetched.Limits)
            : new ValueTask<ControlLimits[]>(FetchAsync(product, day, now));
    }

    private async Task<ControlLimits[]> FetchAsync(string product, DateOnly day, DateTimeOffset now)
    {
        var limits = await grains.GetGrain<IProductGrain>(product).GetLimits(day);
        _limits[(product, day)] = new Fetched(limits, now);
        SweepStale(now);
        return limits;
    }

    private void SweepStale(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < options.Value.LimitsRefreshInterval.Ticks
            || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, fetched) in _limits)
        {
            if (!IsFresh(fetched, now))
            {
                _limits.TryRemove(KeyValuePair.Create(key, fetched));
            }
        }
    }

    private bool IsFresh(Fetched fetched, DateTimeOffset now) => now - fetched.At < options.Value.LimitsRefreshInterval;

    private sealed record Fetched(ControlLimits[] Limits, DateTimeOffset At);
}
