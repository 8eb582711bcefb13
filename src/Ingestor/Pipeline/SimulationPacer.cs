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

    /// <summary>Waits until the record at <paramref name="eventTime"/> is due; completes at once when it is.</summary>
    public Task WaitForAsync(DateTime eventTime, CancellationToken cancellationToken)
    {
        if (speed <= 0)
        {
            return Task.CompletedTask;
        }
        var wait = TimeSpan.FromTicks((long)((eventTime - start).Ticks / speed)) - _wall.Elapsed;
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
