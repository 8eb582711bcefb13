using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Actors.Grains;

/// <summary>
/// A grain whose state changes stay in memory and are written only when a checkpoint asks for them
/// (<see cref="WriteIfChangedAsync"/>) and once more at deactivation, and only if something changed since the last write.
/// </summary>
/// <remarks>
/// It reads and writes through the <see cref="StorageNames.State"/> storage itself rather than through an injected
/// <c>IPersistentState</c>, which would add a state bridge, a lifecycle subscription and a migration participant to
/// every one of the many device activations. A derived grain that overrides <see cref="OnActivateAsync"/> calls it first.
/// </remarks>
/// <typeparam name="TState">The state type.</typeparam>
/// <param name="stateName">The state's name in storage (with the grain ID, its key).</param>
public abstract class CheckpointedGrain<TState>(string stateName) : Grain
    where TState : new()
{
    private readonly GrainState<TState> _stored = new(new TState());
    private IGrainStorage? _storage;
    private bool _changed;

    /// <summary>The state, as read at activation and changed since.</summary>
    protected TState State => _stored.State!;

    private IGrainStorage Storage => _storage ?? throw new InvalidOperationException($"The {stateName} state is used before the grain was activated.");

    /// <summary>Reads the state.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        await _storage.ReadStateAsync(stateName, this.GetGrainId(), _stored);
        await base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the state if it changed, unless the silo is terminating without time for it (the token is already
    /// cancelled): then, as after a crash, the sources read again from their checkpoints.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            await WriteIfChangedAsync();
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Notes that the state changed, so the next checkpoint writes it.</summary>
    protected void MarkChanged() => _changed = true;

    /// <summary>Writes the state if it changed since the last write.</summary>
    protected async Task<PersistResult> WriteIfChangedAsync()
    {
        if (!_changed)
        {
            return PersistResult.Unchanged;
        }


        await Storage.WriteStateAsync(stateName, this.GetGrainId(), _stored);
        _changed = false;
        return PersistResult.Written;
    }

    /// <summary>Goes back to the state last written, dropping the changes since.</summary>
    protected async Task RevertAsync()
    {
        await Storage.ReadStateAsync(stateName, this.GetGrainId(), _stored);
        _changed = false;
    }
}
