using Actors.Grains.Interfaces;
using Actors.TestSupport;

namespace Actors.Aws.Tests.Ingest;

/// <summary>What the device grains say they judged.</summary>
public static class Judged
{
    public static async Task<DeviceSnapshot[]> SnapshotsAsync(IGrainFactory grains, TestFleet fleet) =>
        await Task.WhenAll(fleet.DeviceIds.Select(id => grains.GetGrain<IDeviceGrain>(id).GetSnapshot()));

    /// <summary>Waits until every device of <paramref name="fleet"/> has accepted at least <paramref name="perDevice"/> readings.</summary>
    public static Task UntilAcceptedAsync(IGrainFactory grains, TestFleet fleet, int perDevice, string phase) =>
        Eventually.Until(
            async () => (await SnapshotsAsync(grains, fleet)).All(s => s.Accepted >= perDevice),
            TimeSpan.FromSeconds(30),
            $"{phase}: each of {string.Join(", ", fleet.DeviceIds)} to accept {perDevice} readings");

    /// <summary>Asserts every device accepted exactly <paramref name="accepted"/> readings and dropped exactly <paramref name="duplicates"/>.</summary>
    public static async Task AssertExactlyAsync(IGrainFactory grains, TestFleet fleet, int accepted, int duplicates)
    {
        foreach (var snapshot in await SnapshotsAsync(grains, fleet))
        {
            Xunit.Assert.True(snapshot.Accepted == accepted && snapshot.Duplicates == duplicates,
                $"{snapshot.DeviceId}: accepted {snapshot.Accepted} (expected {accepted}), duplicates {snapshot.Duplicates} (expected {duplicates})");
        }
    }
}
