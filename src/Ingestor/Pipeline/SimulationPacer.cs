using System.Diagnostics;

namespace Actors.Ingestor.Pipeline;

/// <summary>
/// Paces simulated records to the wall clock: at speed X, a record X simulated seconds after the start is due one
/// wall-clock second after the run began. Speed 0 never waits.
/// </summary>
public sealed class SimulationPacer(DateTime start, double speed)
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();

    /// <summary>Wall-clock time since the run began.</summary>
    public TimeSpan Elapsed => _wall.Elapsed;

    /// <summary>Waits until the record at <paramref name="eventTime"/> is due, calling <paramref name="beforeWait"/> first (to send what is pending) when it has to wait.</summary>
    public async Task WaitForAsync(DateTime eventTime, Func<Task> beforeWait, CancellationToken cancellationToken)
    {
        if (speed <= 0)
        {
            return;
        }
        var due = TimeSpan.FromTicks((long)((eventTime - start).Ticks / speed));
        if (due <= _wall.Elapsed)
        {
            return;
        }
        await beforeWait();
        var wait = due - _wall.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
