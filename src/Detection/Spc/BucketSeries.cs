using System.Runtime.InteropServices;
using Actors.Detection.Statistics;

namespace Actors.Detection.Spc;

/// <summary>
/// The buckets of one metric in chronological order: the start of each bucket (UTC ticks, ascending, unique) and the
/// statistics of the values added to it, in the order they were added.
/// </summary>
[GenerateSerializer, Alias("spc-bucket-series")]
internal sealed class BucketSeries
{
    [Id(0)] private List<long> _startTicks = [];
    [Id(1)] private List<RunningStatistics> _stats = [];

    /// <summary>Number of buckets.</summary>
    public int Count => _startTicks.Count;

    /// <summary>Start of the earliest bucket, UTC ticks; only meaningful when <see cref="Count"/> is positive.</summary>
    public long FirstStartTicks => _startTicks[0];

    /// <summary>Start of the latest bucket, UTC ticks; only meaningful when <see cref="Count"/> is positive.</summary>
    public long LastStartTicks => _startTicks[^1];

    /// <summary>The start of each bucket, UTC ticks, ascending.</summary>
    public IReadOnlyList<long> StartTicks => _startTicks;

    /// <summary>Adds a value to the bucket starting at <paramref name="startTicks"/>, creating it where it belongs.</summary>
    public void Add(long startTicks, double value)
    {
        var index = _startTicks.Count - 1;
        if (index < 0 || _startTicks[index] < startTicks)
        {
            _startTicks.Add(startTicks);
            _stats.Add(default);
            index = _startTicks.Count - 1;
        }
        else if (_startTicks[index] != startTicks)
        {
            index = _startTicks.BinarySearch(startTicks);
            if (index < 0)
            {
                index = ~index;
                _startTicks.Insert(index, startTicks);
                _stats.Insert(index, default);
            }
        }

        CollectionsMarshal.AsSpan(_stats)[index].Add(value);
    }

    /// <summary>The merge, oldest first, of the buckets whose start lies in [<paramref name="fromTicks"/>, <paramref name="toTicks"/>).</summary>
    public RunningStatistics Merge(long fromTicks, long toTicks)
    {
        var result = default(RunningStatistics);
        var stats = CollectionsMarshal.AsSpan(_stats);
        for (var i = LowerBound(fromTicks); i < _startTicks.Count && _startTicks[i] < toTicks; i++)
        {
            result = RunningStatistics.Merge(result, stats[i]);
        }

        return result;
    }

    /// <summary>A copy of the buckets whose start lies in [<paramref name="fromTicks"/>, <paramref name="toTicks"/>).</summary>
    public BucketSeries Slice(long fromTicks, long toTicks)
    {
        var from = LowerBound(fromTicks);
        var count = LowerBound(toTicks) - from;
        return new BucketSeries { _startTicks = _startTicks.GetRange(from, count), _stats = _stats.GetRange(from, count) };
    }

    /// <summary>Adds the buckets of <paramref name="other"/>, none of which this series has.</summary>
    public void AddBuckets(BucketSeries other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < other.Count; i++)
        {
            var index = LowerBound(other._startTicks[i]);
            if (index < _startTicks.Count && _startTicks[index] == other._startTicks[i])
            {
                throw new InvalidOperationException($"The bucket starting at {new DateTime(other._startTicks[i], DateTimeKind.Utc):O} is there twice.");
            }
            _startTicks.Insert(index, other._startTicks[i]);
            _stats.Insert(index, other._stats[i]);
        }
    }

    /// <summary>Removes the buckets starting before <paramref name="cutoffTicks"/>.</summary>
    public void RemoveBefore(long cutoffTicks)
    {
        var index = LowerBound(cutoffTicks);
        _startTicks.RemoveRange(0, index);
        _stats.RemoveRange(0, index);
    }

    private int LowerBound(long ticks)
    {
        var index = _startTicks.BinarySearch(ticks);
        return index < 0 ? ~index : index;
    }
}
