using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Actors.Detection.NoData;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Actors.Benchmarks.NoData;

/// <summary>
/// <c>no-data-sweep [--devices 1000000] [--shards 128] [--after 30m]</c>: the no-data watch of a fleet, in process, on a
/// clock it moves itself: feeds every device once, re-feeds them all as one checkpoint does, sweeps with nothing due,
/// with 1 % of the fleet silent, and once every device's first silence period has passed (each device moves bucket
/// once); prints the time (wall and CPU) of each step, the managed memory the shards hold with the devices' ID strings,
/// and the bytes they store with the Orleans serializer that grain storage uses.
/// </summary>
public static class NoDataSweepCommand
{
    public static Command Create()
    {
        var devices = new Option<int>("--devices") { Description = "Devices of the fleet", DefaultValueFactory = _ => 1_000_000 };
        var shards = new Option<int>("--shards") { Description = "Watch shards (NoData:Shards)", DefaultValueFactory = _ => new NoDataOptions().Shards };
        var after = new Option<TimeSpan>("--after") { Description = "Silence before the alarm (NoData:After)", DefaultValueFactory = _ => TimeSpan.FromMinutes(30) };
        var command = new Command("no-data-sweep", "Feed, sweep and storage cost of the no-data watch for a fleet") { devices, shards, after };
        command.SetAction(result => Run(result.GetValue(devices), result.GetValue(shards), result.GetValue(after)));
        return command;
    }

    private static int Run(int fleet, int shardCount, TimeSpan after)
    {
        Console.WriteLine(MachineInfo.Describe());
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var resolution = new NoDataOptions().Resolution;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var ids = Enumerable.Range(0, fleet).Select(i => $"sensor-{i:D9}").ToArray();
        var shardOf = ids.Select(id => (int)NotifierShard.For(id, shardCount)).ToArray();
        var benchmarkOnly = (sizeof(long) + sizeof(int)) * (long)fleet;
        var watches = Enumerable.Range(0, shardCount).Select(_ => new SilenceWatch(resolution, clock)).ToArray();

        Step("feed every device once", () => Feed(watches, ids, shardOf, clock.Now, after, spread: true));
        var held = GC.GetTotalMemory(forceFullCollection: true) - before - benchmarkOnly;
        clock.Advance(TimeSpan.FromMinutes(1));
        Step("feed every device again (one checkpoint)", () => Feed(watches, ids, shardOf, clock.Now, after, spread: false));
        Step("sweep with nothing due", () => Sweep(watches));
        var silent = fleet / 100;
        clock.Advance(after);
        Feed(watches, ids[silent..], shardOf[silent..], clock.Now, after, spread: false);
        Step($"sweep with {silent:N0} silent devices (1 %), every device moving bucket once", () => Sweep(watches));

        var serializer = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(SilenceWatchState).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        var sizes = watches.Select(w => serializer.SerializeToArray(w.ToState()).Length).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {held / 1048576.0:0.0} MiB managed for {fleet:N0} devices, their ID strings included ({(double)held / fleet:0} bytes per device)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storage: {sizes.Sum() / 1048576.0:0.0} MiB in {shardCount} items, largest {sizes.Max() / 1024.0:0.0} KB, {(double)sizes.Sum() / fleet:0.0} bytes per device (IDs of {ids[0].Length} characters)"));
        GC.KeepAlive(watches);
        return 0;
    }

    private static void Feed(SilenceWatch[] watches, string[] ids, int[] shardOf, DateTime now, TimeSpan after, bool spread)
    {
        var byShard = new List<(string, DateTime)>[watches.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            (byShard[shardOf[i]] ??= []).Add((ids[i], now.AddSeconds(spread ? i % 60 : 0) + after));
        }
        for (var shard = 0; shard < watches.Length; shard++)
        {
            watches[shard].Seen(byShard[shard] ?? [], eventClock: null);
        }
    }

    private static int Sweep(SilenceWatch[] watches)
    {
        var due = 0;
        foreach (var watch in watches)
        {
            foreach (var device in watch.TakeDue(int.MaxValue))
            {
                watch.Raised(device, watch.Now);
                due++;
            }
        }
        return due;
    }

    private static void Step(string what, Action step) => Step(what, () => { step(); return -1; });

    private static void Step(string what, Func<int> step)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var due = step();
        wall.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {wall.Elapsed.TotalMilliseconds:0.0} ms wall, {used.TotalMilliseconds:0} ms CPU{(due >= 0 ? $", {due:N0} due" : "")}"));
    }

    /// <summary>A clock the benchmark moves itself, so no time passes between steps for the watch.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public DateTime Now => _now.UtcDateTime;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
