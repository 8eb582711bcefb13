namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Bounds the grain calls in flight from every source that shares it. A grain call's response timeout runs from when it
/// is sent, so calls sent faster than their grains can activate or write (10,000 devices of a checkpoint, or of a
/// fleet's batch, against one store) time out at the back of the queue however healthy the store is. One Kinesis
/// worker reads many shards at once; they share one gate, so a hundred shards checkpointing together still keep only
/// <see cref="Limit"/> calls in flight.
/// </summary>
public sealed class GrainCallGate
{
    /// <summary>The calls in flight by default: enough to keep two silos busy, few enough to stay in the response timeout.</summary>
    public const int DefaultLimit = 256;

    private readonly SemaphoreSlim _slots;

    public GrainCallGate(int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        _slots = new SemaphoreSlim(limit, limit);
    }

    /// <summary>The most calls in flight at once.</summary>
    public int Limit { get; }

    /// <summary>Makes <paramref name="call"/> once fewer than <see cref="Limit"/> calls are in flight (first come, first served).</summary>
    public async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        await _slots.WaitAsync();
        try
        {
            return await call();
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Makes one call per item, at most <see cref="Limit"/> of them in flight.</summary>
    public Task CallEachAsync<TItem>(IReadOnlyList<TItem> items, Func<TItem, Task> call) =>
        CallEachAsync(items, async item =>
        {
            await call(item);
            return true;
        });

    /// <summary>Makes one call per item, at most <see cref="Limit"/> of them in flight, and returns the results in item order.</summary>
    public async Task<TResult[]> CallEachAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> call)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Limit },
            async (i, _) => results[i] = await CallAsync(() => call(items[i])));
        return results;
    }
}
