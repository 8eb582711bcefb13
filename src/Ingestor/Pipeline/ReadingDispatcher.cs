using Actors.Grains.Interfaces;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Routes a batch of readings to the grains: first one call per product (so a day's limits see every earlier
/// reading), then one call per device, in parallel across devices and in input order within a device.
/// </summary>
public sealed class ReadingDispatcher(IGrainFactory grains)
{
    public async Task<BatchOutcome> DispatchAsync(IReadOnlyList<Reading> readings)
    {
        var byProduct = new Dictionary<string, List<Reading>>();
        var byDevice = new Dictionary<string, List<Reading>>();
        foreach (var reading in readings)
        {
            if (reading.ProductId is { } product)
            {
                GroupOf(byProduct, product).Add(reading);
            }
            GroupOf(byDevice, reading.DeviceId).Add(reading);
        }
        await Task.WhenAll(byProduct.Select(p => grains.GetGrain<IProductGrain>(p.Key).Accumulate([.. p.Value])));
        var results = await Task.WhenAll(byDevice.Select(d => grains.GetGrain<IDeviceGrain>(d.Key).Judge([.. d.Value])));
        return Combine(results);
    }

    /// <summary>Closes every open z-score window of the given devices up to <paramref name="watermark"/>.</summary>
    public async Task<BatchOutcome> CloseWindowsAsync(IEnumerable<string> deviceIds, DateTime watermark)
    {
        var results = await Task.WhenAll(deviceIds.Select(id => grains.GetGrain<IDeviceGrain>(id).CloseWindows(watermark)));
        return Combine(results);
    }

    private static BatchOutcome Combine(JudgeResult[] results)
    {
        var accepted = 0;
        var duplicates = 0;
        var outliers = 0;
        var anomalies = new List<Anomaly>();
        foreach (var result in results)
        {
            accepted += result.Accepted;
            duplicates += result.Duplicates;
            outliers += result.Outliers;
            anomalies.AddRange(result.Anomalies);
        }
        return new BatchOutcome(accepted, duplicates, anomalies, outliers);
    }

    private static List<Reading> GroupOf(Dictionary<string, List<Reading>> groups, string key)
    {
        if (!groups.TryGetValue(key, out var group))
        {
            group = [];
            groups.Add(key, group);
        }
        return group;
    }
}
