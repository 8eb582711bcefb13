namespace Actors.Grains.Interfaces;

/// <summary>Reads the index of alarms that are not NORMAL as <c>alarms list</c> does: every shard in parallel, merged.</summary>
public static class AlarmIndex
{
    /// <summary>
    /// The alarms that match <paramref name="query"/>, most severe first, then oldest, at most
    /// <see cref="AlarmQuery.Limit"/>: from every one of the <paramref name="shards"/> index shards, or only the device's
    /// shard when the query names a device. No device grain is activated.
    /// </summary>
    /// <returns>The shards asked and the alarms found.</returns>
    public static async Task<(int ShardsQueried, AlarmView[] Alarms)> ListAsync(IGrainFactory grains, AlarmQuery query, int shards)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(query);
        long[] asked = query.DeviceId is { } device
            ? [NotifierShard.For(device, shards)]
            : [.. Enumerable.Range(0, shards).Select(shard => (long)shard)];
        var found = await Task.WhenAll(asked.Select(shard => grains.GetGrain<IAlarmIndexGrain>(shard).List(query)));
        var alarms = found
            .SelectMany(views => views)
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.Since)
            .ThenBy(a => a.DeviceId, StringComparer.Ordinal)
            .ThenBy(a => a.Metric, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToArray();
        return (asked.Length, alarms);
    }
}
