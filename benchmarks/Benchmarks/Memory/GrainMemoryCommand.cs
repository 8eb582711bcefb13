using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Data;
using Actors.Benchmarks.Embedded;
using Actors.Detection.Device;
using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Actors.Grains.Product;
using Actors.Ingestor.Commands;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Benchmarks.Memory;

/// <summary>
/// <c>grain-memory [--devices 10000 50000] [--storage memory discard]</c>: in a fresh embedded silo per run, activates
/// N device grains, each fed <see cref="DeviceFeed"/> through the <see cref="ReadingDispatcher"/>, and reports the live
/// managed bytes (full GC before and after) and the working set per active device grain, and how many devices a heap
/// of 2 GiB and 8 GiB would hold.
/// </summary>
public static class GrainMemoryCommand
{
    private const double Gibibyte = 1024.0 * 1024 * 1024;
    private const double PracticalOccupancy = 0.7;
    private const int DynamoDbItemLimit = 400 * 1024;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static Command Create()
    {
        var devices = new Option<int[]>("--devices") { Description = "Device grains to activate, one fresh silo per value", DefaultValueFactory = _ => [10_000, 50_000], AllowMultipleArgumentsPerToken = true };
        var storage = new Option<string[]>("--storage") { Description = "Grain state store: memory (the embedded silo's) and/or discard (keeps nothing, like a remote store)", DefaultValueFactory = _ => ["memory", "discard"], AllowMultipleArgumentsPerToken = true };
        storage.AcceptOnlyFromAmong("memory", "discard");
        var readings = new Option<int>("--readings") { Description = "Readings per device, one a second", DefaultValueFactory = _ => 40 };
        var metrics = new Option<int>("--metrics") { Description = "Metrics per reading (1-5)", DefaultValueFactory = _ => 3 };
        var profile = new Option<FeedProfile>("--profile") { Description = "quiet: one normal batch; steady: an anomalous batch, then a normal one (full recent-anomaly list); anomalous: one batch of anomalies only", DefaultValueFactory = _ => FeedProfile.Quiet };
        var warmup = new Option<int>("--warmup-devices") { Description = "Devices activated before the baseline is taken", DefaultValueFactory = _ => 1_000 };
        var perBatch = new Option<int>("--devices-per-batch") { Description = "Devices per dispatched batch", DefaultValueFactory = _ => 100 };
        var components = new Option<int>("--component-devices") { Description = "Devices for the Orleans-free footprint of state and detector (0 skips)", DefaultValueFactory = _ => 10_000 };
        var decimals = new Option<int>("--decimals") { Description = "Decimals of every value, as records carry them (the simulator writes 1-2); -1 keeps full double precision", DefaultValueFactory = _ => 2 };
        var retention = new Option<TimeSpan?>("--dedup-retention") { Description = "Notifier:DedupRetention of the silo (default: the silo's, 6 h); 00:00:01 forgets the alert IDs of the feed before the heap is measured, leaving the device grains' own bytes" };
        var command = new Command("grain-memory", "Measure the memory of active device grains in an embedded silo")
        {
            devices, storage, readings, metrics, profile, warmup, perBatch, components, decimals, retention,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(devices)!, result.GetValue(storage)!, new DeviceFeed(result.GetValue(readings), result.GetValue(metrics), result.GetValue(profile), result.GetValue(decimals)),
            result.GetValue(warmup), result.GetValue(perBatch), result.GetValue(components), result.GetValue(retention), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int[] devices, string[] storages, DeviceFeed feed, int warmup, int perBatch, int componentDevices, TimeSpan? retention, CancellationToken cancellationToken)
    {
        Console.WriteLine(MachineInfo.Describe());
        Console.WriteLine(Invariant($"feed: {feed.Profile} profile, {feed.Passes.Count} batch(es) of {feed.ReadingsPerDevice} readings per device (1/s), {feed.MetricCount} metrics with {(feed.Decimals < 0 ? "full precision" : $"{feed.Decimals} decimals")}, one product per device; {warmup} warm-up devices; {perBatch} devices per dispatch; notifier dedup retention {(retention is { } r ? r.ToString() : "default")}"));
        if (componentDevices > 0)
        {
            var state = ComponentFootprint.Measure(feed, componentDevices);
            Console.WriteLine(Invariant($"outside Orleans ({componentDevices} devices): DeviceState {state:0} B/device"));
        }

        var results = new List<string>();
        foreach (var storage in storages)
        {
            foreach (var n in devices)
            {
                results.Add(await MeasureAsync(storage, n, feed, warmup, perBatch, retention, cancellationToken));
            }
        }
        Console.WriteLine();
        Console.WriteLine("| storage | device grains | live heap before | live heap after | managed B/grain | working set B/grain | feed readings/s | devices in 2 GiB (100% / 70%) | devices in 8 GiB (100% / 70%) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        results.ForEach(Console.WriteLine);
        return ExitCodes.Success;
    }

    private static async Task<string> MeasureAsync(string storage, int n, DeviceFeed feed, int warmup, int perBatch, TimeSpan? retention, CancellationToken cancellationToken)
    {
        var overrides = BenchmarkRules.SiloConfiguration();
        overrides["Notifier:Cooldown"] = "00:00:00.5";
        if (retention is { } kept)
        {
            overrides["Notifier:DedupRetention"] = kept.ToString("c", CultureInfo.InvariantCulture);
        }
        await using var silo = storage == "discard"
            ? await SiloUnderTest.StartWithDiscardStorageAsync(overrides, serialize: false, cancellationToken)
            : await SiloUnderTest.StartEmbeddedAsync(overrides, cancellationToken);
        var first = DateOnly.FromDateTime(DeviceFeed.Start);
        await Task.WhenAll(BenchmarkRules.LimitsByProduct(first.AddDays(-1), days: 3)
            .Select(p => silo.Grains.GetGrain<IProductGrain>(p.Key).ImportLimits(p.Value)));
        var dispatcher = new ReadingDispatcher(silo.Grains);

        await FeedAsync(silo.Grains, dispatcher, feed, "warm", warmup, perBatch);
        await Task.Delay(Settle, cancellationToken);
        var activationsBefore = await DeviceActivationsAsync(silo.Grains);
        var before = HeapSnapshot.Take();

        var clock = Stopwatch.StartNew();
        var (accepted, anomalies) = await FeedAsync(silo.Grains, dispatcher, feed, "dev", n, perBatch);
        var fed = clock.Elapsed;
        await Task.Delay(Settle, cancellationToken);
        var after = HeapSnapshot.Take();
        var activationsAfter = await DeviceActivationsAsync(silo.Grains);
        var delta = after - before;
        var active = activationsAfter - activationsBefore;

        var perGrain = delta.ManagedBytes / (double)n;
        var perGrainWorkingSet = delta.WorkingSetBytes / (double)n;
        var rate = accepted / fed.TotalSeconds;
        Console.WriteLine(
            Invariant($"{storage}, {n} devices: fed {accepted} readings ({anomalies} anomalies) in {fed.TotalSeconds:0.0} s ({rate:0} readings/s); device activations {activationsBefore} -> {activationsAfter} (+{active}); ")
            + Invariant($"live heap {Mb(before.ManagedBytes)} -> {Mb(after.ManagedBytes)} MB (+{perGrain:0} B/grain); working set {Mb(before.WorkingSetBytes)} -> {Mb(after.WorkingSetBytes)} MB (+{perGrainWorkingSet:0} B/grain)")
            + (silo.Storage is { } discard ? Invariant($"; discarded writes: {discard.Describe()}") : string.Empty));
        if (active != n)
        {
            Console.WriteLine(Invariant($"warning: expected {n} new device activations, counted {active}"));
        }
        if (feed.Passes.Count > 0)
        {
            PrintStoredSizes(silo.Services, feed, n);
        }

        return Invariant($"| {storage} | {n} | {Mb(before.ManagedBytes)} MB | {Mb(after.ManagedBytes)} MB | {perGrain:0} | {perGrainWorkingSet:0} | {rate:0} | ")
            + Invariant($"{Capacity(2, before.ManagedBytes, warmup, perGrain, 1.0)} / {Capacity(2, before.ManagedBytes, warmup, perGrain, PracticalOccupancy)} | ")
            + Invariant($"{Capacity(8, before.ManagedBytes, warmup, perGrain, 1.0)} / {Capacity(8, before.ManagedBytes, warmup, perGrain, PracticalOccupancy)} |");
    }

    private static async Task<(long Accepted, long Anomalies)> FeedAsync(IGrainFactory grains, ReadingDispatcher dispatcher, DeviceFeed feed, string prefix, int devices, int perBatch)
    {
        long accepted = 0;
        long anomalies = 0;
        if (feed.Passes.Count == 0)
        {
            for (var first = 0; first < devices; first += perBatch)
            {
                await Task.WhenAll(Enumerable.Range(first, Math.Min(perBatch, devices - first))
                    .Select(i => grains.GetGrain<IDeviceGrain>(DeviceFeed.DeviceId(prefix, i)).GetSnapshot()));
            }
            return (0, 0);
        }
        for (var pass = 0; pass < feed.Passes.Count; pass++)
        {
            for (var first = 0; first < devices; first += perBatch)
            {
                var outcome = await dispatcher.DispatchAsync(feed.Batch(prefix, first, Math.Min(perBatch, devices - first), pass));
                accepted += outcome.Accepted;
                anomalies += outcome.Anomalies.Count;
            }
        }
        return (accepted, anomalies);
    }

    private static async Task<long> DeviceActivationsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("DeviceGrain", StringComparison.Ordinal)).Sum(s => (long)s.ActivationCount);
    }

    /// <summary>Size of the stored state of one device, and of a product made by many devices, with the silo's storage serializer.</summary>
    private static void PrintStoredSizes(IServiceProvider services, DeviceFeed feed, int n)
    {
        var serializer = services.GetService<IGrainStorageSerializer>();
        if (serializer is null)
        {
            Console.WriteLine("stored sizes: no IGrainStorageSerializer registered");
            return;
        }
        var state = ComponentFootprint.Judge(feed, "size", 0, new DeviceState(), new DeviceDetector(), BenchmarkRules.LimitsLookup(), []);
        var deviceBytes = serializer.Serialize(state).ToMemory().Length;
        var perProduct = Math.Max(1, n / BenchmarkRules.Products.Length);
        var productBytes = ProductStateBytes(serializer, feed, perProduct);
        var emptyProductBytes = ProductStateBytes(serializer, feed, 1);
        var perDevice = (productBytes - emptyProductBytes) / (double)Math.Max(1, perProduct - 1);
        var limitDevices = perDevice > 0 ? (DynamoDbItemLimit - emptyProductBytes) / perDevice : double.PositiveInfinity;
        Console.WriteLine(Invariant(
            $"stored sizes ({serializer.GetType().Name}): DeviceState {deviceBytes} B; ProductState of a product made by {perProduct} devices {productBytes} B ({perDevice:0.0} B per device: a product item passes DynamoDB's 400 KB at about {limitDevices:0} devices)"));
    }

    private static int ProductStateBytes(IGrainStorageSerializer serializer, DeviceFeed feed, int devices)
    {
        var state = new ProductState();
        var detector = new DeviceDetector();
        var limits = BenchmarkRules.LimitsLookup();
        for (var i = 0; i < devices; i++)
        {
            var readings = feed.For("size", i, 0);
            var movingRanges = new double[]?[readings.Length];
            detector.Judge(DeviceFeed.DeviceId("size", i), new DeviceState(), readings, BenchmarkRules.Rules, limits, [], movingRanges);
            for (var j = 0; j < readings.Length; j++)
            {
                state.History.Add(readings[j], movingRanges[j]);
            }
        }
        state.History.Prune(SpcCalendar.Utc, new SpcOptions());
        return serializer.Serialize(state).ToMemory().Length;
    }

    private static string Capacity(double gibibytes, long baseline, int warmup, double perGrain, double occupancy) =>
        perGrain <= 0 ? "n/a" : Invariant($"{Math.Floor(((gibibytes * Gibibyte * occupancy) - baseline) / perGrain) + warmup:#,0}");

    private static string Mb(long bytes) => Invariant($"{bytes / 1e6:0.0}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
