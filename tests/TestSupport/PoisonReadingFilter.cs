using Actors.Grains.Interfaces;
using Orleans;

namespace Actors.TestSupport;

/// <summary>
/// Makes a device grain fail on one record, as a grain with a bug would: a <see cref="IDeviceGrain.Judge"/> call whose
/// readings include a metric named <see cref="Metric"/> throws before the grain runs (the grain changes nothing).
/// Readings without that metric are not affected.
/// </summary>
public sealed class PoisonReadingFilter : IIncomingGrainCallFilter
{
    /// <summary>The metric that makes the device grain throw.</summary>
    public const string Metric = "poison";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.Name == nameof(IDeviceGrain.Judge)
            && context.Request.GetArgument(0) is Reading[] readings
            && readings.Any(r => r.Metrics.Any(m => m.Name == Metric)))
        {
            throw new ArgumentOutOfRangeException(nameof(readings), $"cannot judge a reading with metric '{Metric}'");
        }
        return context.Invoke();
    }
}
