using Actors.Ingestor.Pipeline;
using Actors.TestSupport;
using Xunit;

namespace Actors.Grains.Tests.Pipeline;

public sealed class GrainCallGateTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_sources_sharing_a_gate_keep_at_most_its_limit_of_calls_in_flight_together_and_all_complete()
    {
        var gate = new GrainCallGate(3);
        var inFlight = 0;
        var mostInFlight = 0;
        var started = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<int> Call(int item)
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            Interlocked.Increment(ref started);
            await release.Task;
            Interlocked.Decrement(ref inFlight);
            return item * 10;
        }

        var first = gate.CallEachAsync([1, 2, 3, 4, 5], Call);
        var second = gate.CallEachAsync([6, 7, 8, 9, 10], Call);
        await Eventually.Until(() => Volatile.Read(ref started) == 3, Deadline, "three calls started");
        var startedBeforeRelease = Volatile.Read(ref started);
        release.SetResult();

        var firstResults = await first;
        var secondResults = await second;

        Assert.Equal(new[] { 10, 20, 30, 40, 50 }, firstResults);
        Assert.Equal(new[] { 60, 70, 80, 90, 100 }, secondResults);
        Assert.Equal(3, startedBeforeRelease);
        Assert.Equal(3, mostInFlight);
        Assert.Equal(10, started);
    }

    [Fact]
    public async Task A_failed_call_frees_its_slot_and_fails_the_caller()
    {
        var gate = new GrainCallGate(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.CallAsync<int>(() => throw new InvalidOperationException("store down")));

        Assert.Equal(7, await gate.CallAsync(() => Task.FromResult(7)));
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrainCallGate(0));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
