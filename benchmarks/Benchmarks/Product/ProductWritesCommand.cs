using System.CommandLine;
using System.Globalization;
using Actors.Benchmarks.Embedded;
using Actors.Benchmarks.Memory;
using Actors.Grains.Interfaces;

namespace Actors.Benchmarks.Product;

/// <summary>
/// <c>product-writes [--days 6] [--metrics 3] [--devices 20] [--sources 10]</c>: in an embedded silo whose state store
/// serializes and counts every write (<see cref="DiscardGrainStorage"/>), one product made by N devices, each sending a
/// reading with M metrics (all with specification limits) every minute of event time, split over S sources (Kinesis
/// shards, named and numbered as Kinesis names shards and sequence numbers) that each add their readings and take a
/// checkpoint every minute; the devices ask for each new day's limits.
/// Reports what the product wrote over its last day, when its history is as long as it gets: writes, bytes and started
/// kilobytes (DynamoDB's write request units without the item's key) per state name, and per checkpoint.
/// </summary>
public static class ProductWritesCommand
{
    private static readonly DateTime Start = new(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first 49 of the 56 digits of a Kinesis sequence number; the benchmark's positions count on in the last 7.</summary>
    private const string SequencePrefix = "4959033827149025660855969253836157109592157598913";

    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Days of readings (the last one is reported)", DefaultValueFactory = _ => 6 };
        var metrics = new Option<int>("--metrics") { Description = "Metrics of each reading, each with specification limits", DefaultValueFactory = _ => 3 };
        var devices = new Option<int>("--devices") { Description = "Devices making the product, one reading a minute each", DefaultValueFactory = _ => 20 };
        var sources = new Option<int>("--sources") { Description = "Sources (shards) the devices are split over, each checkpointing every minute", DefaultValueFactory = _ => 10 };
        var command = new Command("product-writes", "What a product grain writes per checkpoint once its history is full") { days, metrics, devices, sources };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(days), result.GetValue(metrics), result.GetValue(devices), result.GetValue(sources), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int days, int metrics, int devices, int sources, CancellationToken cancellationToken)
    {
        Console.WriteLine(MachineInfo.Describe());
        var overrides = new Dictionary<string, string?> { ["Spc:Charts:Lsl"] = "47", ["Spc:Charts:Usl"] = "53" };
        await using var silo = await SiloUnderTest.StartWithDiscardStorageAsync(overrides, serialize: true, cancellationToken);
        var storage = silo.Storage!;
        var product = silo.Grains.GetGrain<IProductGrain>("P-1");
        var random = new Random(7);
        var names = Enumerable.Range(1, metrics).Select(m => $"metric-{m}").ToArray();
        var positions = new long[sources];
        Dictionary<string, (long Writes, long Bytes, long Kilobytes)> lastDayStart = [];
        var checkpoints = 0L;
        for (var minute = 0; minute < days * 1440; minute++)
        {
            if (minute == (days - 1) * 1440)
            {
                lastDayStart = Totals(storage);
                checkpoints = 0;
            }
            var time = Start.AddMinutes(minute);
            if (minute % 1440 == 0)
            {
                await product.GetLimits(DateOnly.FromDateTime(time));
            }
            for (var source = 0; source < sources; source++)
            {
                var readings = Enumerable.Range(0, devices).Where(device => device % sources == source).Select(device => new Reading
                {
                    DeviceId = $"M-{device:D4}",
                    ProductId = "P-1",
                    Timestamp = time.AddSeconds(device % 60),
                    Metrics = [.. names.Select(name => new Metric(name, 50 + random.NextDouble() * 2 - 1))],
                }).ToArray();
                if (readings.Length == 0)
                {
                    continue;
                }
                var shard = $"fleet/shardId-{source:D12}";
                var first = positions[source];
                positions[source] += readings.Length;
                await product.Accumulate(new ProductBatch
                {
                    Source = shard,
                    Readings = readings,
                    Positions = [.. Enumerable.Range(1, readings.Length).Select(i => Sequence(first + i))],
                    MovingRanges = [.. readings.Select(reading => reading.Metrics.Select(_ => random.NextDouble()).ToArray())],
                });
                await product.Persist(new() { [shard] = Sequence(positions[source]) });
                checkpoints++;
            }
        }

        Console.WriteLine(Invariant($"product-writes: {devices} devices, {metrics} metrics with specification limits, one reading a minute each for {days} days, {sources} sources checkpointing every minute"));
        Console.WriteLine(Invariant($"last day: {checkpoints:N0} source checkpoints"));
        var totalKilobytes = 0L;
        foreach (var (stateName, now) in Totals(storage).OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var before = lastDayStart.GetValueOrDefault(stateName);
            var writes = now.Writes - before.Writes;
            var kilobytes = now.Kilobytes - before.Kilobytes;
            totalKilobytes += kilobytes;
            Console.WriteLine(Invariant($"  {stateName}: {writes:N0} writes, {(now.Bytes - before.Bytes) / (double)Math.Max(1, writes):N0} B each, largest {storage.Of(stateName).Largest:N0} B (whole run), {kilobytes:N0} KB started"));
        }
        Console.WriteLine(Invariant($"  per source checkpoint: {totalKilobytes / (double)Math.Max(1, checkpoints):N1} KB started"));
        return 0;
    }

    private static Dictionary<string, (long Writes, long Bytes, long Kilobytes)> Totals(DiscardGrainStorage storage) =>
        storage.ByStateName.ToDictionary(entry => entry.Key, entry => (entry.Value.Writes, entry.Value.Bytes, entry.Value.KilobytesStarted), StringComparer.Ordinal);

    private static string Sequence(long n) => SequencePrefix + n.ToString("D7", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
