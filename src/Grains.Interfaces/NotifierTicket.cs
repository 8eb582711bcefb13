namespace Actors.Grains.Interfaces;

/// <summary>
/// What <see cref="INotifierGrain.Queue"/> answers: which activation of the notifier shard took the call, and the call's
/// number there. <see cref="INotifierGrain.Flush"/> makes everything that activation took up to it durable.
/// </summary>
[GenerateSerializer, Immutable, Alias("notifier-ticket")]
public sealed record NotifierTicket
{
    /// <summary>Made when the notifier activation started; another activation does not hold what this one queued.</summary>
    [Id(0)] public required Guid Activation { get; init; }

    /// <summary>The call's number in that activation; the activation commits its calls in this order.</summary>
    [Id(1)] public required long Request { get; init; }
}
