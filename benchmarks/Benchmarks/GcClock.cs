using System.Globalization;

namespace Actors.Benchmarks;

/// <summary>Garbage collections (per generation) and the time the runtime was paused for them since <see cref="Start"/>.</summary>
public sealed class GcClock
{
    private readonly int[] _collections = Counts();
    private readonly TimeSpan _paused = GC.GetTotalPauseDuration();

    public static GcClock Start() => new();

    /// <summary>"gen0/gen1/gen2 collections, pause time" since the start, e.g. <c>GC 310/42/3, 1.20 s paused</c>.</summary>
    public string Describe()
    {
        var now = Counts();
        return string.Create(CultureInfo.InvariantCulture,
            $"GC {now[0] - _collections[0]}/{now[1] - _collections[1]}/{now[2] - _collections[2]}, {(GC.GetTotalPauseDuration() - _paused).TotalSeconds:0.00} s paused");
    }

    private static int[] Counts() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
}
