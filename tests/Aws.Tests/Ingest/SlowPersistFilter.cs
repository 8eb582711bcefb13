using Actors.Grains.Interfaces;

namespace Actors.Aws.Tests.Ingest;

/// <summary>
/// Makes a device grain's <see cref="IDeviceGrain.Persist"/> take <see cref="Delay"/> when its ID starts with
/// <see cref="Prefix"/>, as a checkpoint writing many devices into a slow store does.
/// </summary>
public sealed class SlowPersistFilter : IIncomingGrainCallFilter
{
    public const string Prefix = "slowpersist";

    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(5);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.DeclaringType == typeof(IDeviceGrain) && context.InterfaceMethod.Name == nameof(IDeviceGrain.Persist)
            && context.TargetId.Key.ToString()!.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await Task.Delay(Delay);
        }
        await context.Invoke();
    }
}
