using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actors.Benchmarks.Embedded;
using Actors.Grains.Interfaces;

namespace Actors.Benchmarks.Alarms;

/// <summary>
/// <c>alarm-index [--devices 100000] [--shards 16] [--runs 5]</c>: in an embedded silo whose state store serializes and
/// counts every write (<see cref="Memory.DiscardGrainStorage"/>), fills the index of raised alarms with one alarm for
/// each of N devices (as device grains send them, no device grain is activated), reports what the index shards wrote,
/// then times <c>alarms list</c> queries (<see cref="AlarmIndex.ListAsync"/>, what the admin command runs) with filters.
/// </summary>
public static class AlarmIndexCommand
{
    private const int Products = 100;
    private static readonly DateTime Start = new(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc);

    public static Command Create()
    {
        var devices = new Option<int>("--devices") { Description = "Devices with a raised alarm in the index", DefaultValueFactory = _ => 100_000 };
        var shards = new Option<int>("--shards") { Description = "Alarms:IndexShards", DefaultValueFactory = _ => 16 };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each query (after one untimed)", DefaultValueFactory = _ => 5 };
        var concurrency = new Option<int>("--concurrency") { Description = "Index updates in flight while filling", DefaultValueFactory = _ => 256 };
        var command = new Command("alarm-index", "Fill the alarm index for a fleet and time alarms list with filters") { devices, shards, runs, concurrency };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(devices), result.GetValue(shards), result.GetValue(runs), result.GetValue(concurrency), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int devices, int shards, int runs, int concurrency, CancellationToken cancellationToken)
    {
        Console.WriteLine(MachineInfo.Describe());
        var overrides = new Dictionary<string, string?>
        {
            ["Alarms:IndexShards"] = shards.ToString(CultureInfo.InvariantCulture),
            ["Alarms:IndexWriteInterval"] = "00:00:05",
        };
        await using var silo = await SiloUnderTest.StartWithDiscardStorageAsync(overrides, serialize: true, cancellationToken);
        var storage = silo.Storage!;

        var clock = Stopwatch.StartNew();
        using (var inFlight = new SemaphoreSlim(concurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, devices).Select(async i =>
            {
                await inFlight.WaitAsync(cancellationToken);
                try
                {
                    var deviceId = DeviceId(i);
                    await silo.Grains.GetGrain<IAlarmIndexGrain>(NotifierShard.For(deviceId, shards)).Update(deviceId, [Alarm(i)]);
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }
        var filled = clock.Elapsed;
        Console.WriteLine(Invariant($"filled the index with {devices} raised alarms in {filled.TotalSeconds:0.0} s ({devices / filled.TotalSeconds:0} updates/s) over {shards} shards; writes during the fill: {storage.Describe()}"));
        var before = (storage.Of("alarm-index").Writes, storage.Of("alarm-index").Bytes);
        if (await WithinAsync(TimeSpan.FromSeconds(30), () => storage.Of("alarm-index").Writes >= before.Writes + shards, cancellationToken))
        {
            var after = storage.Of("alarm-index");
            var itemBytes = (after.Bytes - before.Bytes) / (double)(after.Writes - before.Writes);
            Console.WriteLine(Invariant($"shard writes after the fill: {after.Writes - before.Writes}, {itemBytes:#,0} B per shard item ({devices / (double)shards:#,0} alarms per shard, {itemBytes / (devices / (double)shards):0} B per alarm)"));
        }
        else
        {
            Console.WriteLine("no shard wrote within 30 s after the fill");
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"| query (`alarms list ...`) | alarms returned | median ms | min ms | max ms | runs |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, query) in Queries())
        {
            var (count, times) = await TimeAsync(silo.Grains, query, shards, runs);
            times.Sort();
            Console.WriteLine(Invariant($"| `{name}` | {count} | {times[times.Count / 2]:0.0} | {times[0]:0.0} | {times[^1]:0.0} | {runs} |"));
        }
        return 0;
    }

    private static IEnumerable<(string Name, AlarmQuery Query)> Queries() =>
    [
        ("(no filter)", new AlarmQuery { Limit = 100 }),
        ("--state Acknowledged", new AlarmQuery { State = AlarmState.Acknowledged, Limit = 100 }),
        ("--severity 3", new AlarmQuery { MinSeverity = 3, Limit = 100 }),
        ("--product P-042", new AlarmQuery { ProductId = "P-042", Limit = 100 }),
        ("--state Active --severity 2 --product P-007", new AlarmQuery { State = AlarmState.Active, MinSeverity = 2, ProductId = "P-007", Limit = 100 }),
        ("--device dev-042042", new AlarmQuery { DeviceId = DeviceId(42_042), Limit = 100 }),
        ("--state Latched (matches none)", new AlarmQuery { State = AlarmState.Latched, Limit = 100 }),
        ("--limit 100000", new AlarmQuery { Limit = 100_000 }),
    ];

    private static async Task<(int Count, List<double> Milliseconds)> TimeAsync(IGrainFactory grains, AlarmQuery query, int shards, int runs)
    {
        var (_, warm) = await AlarmIndex.ListAsync(grains, query, shards);
        var times = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await AlarmIndex.ListAsync(grains, query, shards);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (warm.Length, times);
    }

    private static string DeviceId(int i) => string.Create(CultureInfo.InvariantCulture, $"dev-{i:D6}");

    /// <summary>Device i's alarm: a fifth acknowledged, severities 1-3, 100 products, raised one second apart.</summary>
    private static AlarmView Alarm(int i) => new()
    {
        DeviceId = DeviceId(i),
        ProductId = string.Create(CultureInfo.InvariantCulture, $"P-{i % Products:D3}"),
        Metric = "temperature",
        Rule = nameof(AnomalyType.Threshold),
        State = i % 5 == 0 ? AlarmState.Acknowledged : AlarmState.Active,
        Severity = 1 + i % 3,
        Since = Start.AddSeconds(i),
        Count = 1,
    };

    private static async Task<bool> WithinAsync(TimeSpan limit, Func<bool> condition, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > limit)
            {
                return false;
            }
            await Task.Delay(100, cancellationToken);
        }
        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
