using Actors.Grains.Checkpoints;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Actors.Grains;

/// <summary>
/// A grain whose state changes stay in memory and are written only when a checkpoint asks for them
/// (<see cref="WriteIfChangedAsync"/>) and once more at deactivation, and only if something changed since the last write.
/// A write that fails with an error that would recur (<see cref="IStateWriteErrorClassifier"/>) does not hold up its
/// sources: the grain answers <see cref="PersistResult.Unwritable"/>, keeps the state in memory and tries again at the
/// next checkpoint, and the silo reports it until a write succeeds.
/// </summary>
/// <remarks>
/// It reads and writes through the <see cref="StorageNames.State"/> storage itself rather than through an injected
/// <c>IPersistentState</c>, which would add a state bridge, a lifecycle subscription and a migration participant to
/// every one of the many device activations; for the same reason the grain is itself the <see cref="IGrainState{T}"/>
/// the storage reads into, rather than holding one. A derived grain that overrides <see cref="OnActivateAsync"/> calls
/// it first.
/// </remarks>
/// <typeparam name="TState">The state type.</typeparam>
/// <param name="stateName">The state's name in storage (with the grain ID, its key).</param>
public abstract class CheckpointedGrain<TState>(string stateName) : Grain, IGrainState<TState>
    where TState : new()
{
    private TState _state = new();
    private string? _etag;
    private IGrainStorage? _storage;
    private bool _recordExists;
    private bool _changed;
    private bool _unwritable;

    /// <summary>The state, as read at activation and changed since.</summary>
    protected TState State => _state;

    TState? IGrainState<TState>.State { get => _state; set => _state = value ?? new TState(); }

    string? IGrainState<TState>.ETag { get => _etag; set => _etag = value; }

    bool IGrainState<TState>.RecordExists { get => _recordExists; set => _recordExists = value; }

    private IGrainStorage Storage => _storage ?? throw new InvalidOperationException($"The {stateName} state is used before the grain was activated.");

    /// <summary>Reads the state.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storage = ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        await ReadStateAsync(_storage);
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
            switch (await WriteIfChangedAsync())
            {
                case PersistResult.Unwritable:
                    StopReporting();
                    CheckpointedGrainLog.ChangesLostAtDeactivation(Logger, stateName, this.GetGrainId());
                    break;
                case PersistResult.Behind:
                    CheckpointedGrainLog.NotReadyAtDeactivation(Logger, stateName, this.GetGrainId());
                    break;
            }
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

        if (!await ReadyToWriteAsync())
        {
            return PersistResult.Behind;
        }

        try
        {
            await WriteStateAsync(Storage);
        }
        catch (Exception error) when (ServiceProvider.GetService<IStateWriteErrorClassifier>()?.IsPermanent(error) == true)
        {
            _unwritable = true;
            ServiceProvider.GetRequiredService<DetectionMetrics>().StateUnwritable(this.GetGrainId(), ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            CheckpointedGrainLog.Unwritable(Logger, error, stateName, this.GetGrainId());
            return PersistResult.Unwritable;
        }

        _changed = false;
        StopReporting();
        return PersistResult.Written;
    }

    private ILogger Logger => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());

    private void StopReporting()
    {
        if (_unwritable)
        {
            _unwritable = false;
            ServiceProvider.GetRequiredService<DetectionMetrics>().StateWritable(this.GetGrainId());
        }
    }

    /// <summary>
    /// Makes sure that what the state reflects and another grain must hold first is durable there; false when it is lost:
    /// then nothing is written, the write answers <see cref="PersistResult.Behind"/>, and the grain should go back to its
    /// last written state (<see cref="RevertAsync"/>).
    /// </summary>
    protected virtual ValueTask<bool> ReadyToWriteAsync() => ValueTask.FromResult(true);

    /// <summary>Goes back to the state last written, dropping the changes since.</summary>
    protected async Task RevertAsync()
    {
        await ReadStateAsync(Storage);
        _changed = false;
    }

    /// <summary>Reads the state from storage; a grain whose state is more than one record reads the rest after it.</summary>
    protected virtual Task ReadStateAsync(IGrainStorage storage) => storage.ReadStateAsync(stateName, this.GetGrainId(), this);

    /// <summary>Writes the state to storage; a grain whose state is more than one record writes the rest before it.</summary>
    protected virtual Task WriteStateAsync(IGrainStorage storage) => storage.WriteStateAsync(stateName, this.GetGrainId(), this);
}

internal static partial class CheckpointedGrainLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The {StateName} state of {Grain} cannot be written, and trying again would fail the same way; it stays in memory, checkpoints go on without it, and it is tried again at each checkpoint")]
    public static partial void Unwritable(ILogger logger, Exception error, string stateName, GrainId grain);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Grain} deactivates with changes to its {StateName} state that could not be written; they are lost, and the grain continues from its last written state")]
    public static partial void ChangesLostAtDeactivation(ILogger logger, string stateName, GrainId grain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Grain} deactivates without writing its {StateName} state: what it reflects was lost where it had to be durable first; the grain continues from its last written state, and its sources read again from their checkpoints")]
    public static partial void NotReadyAtDeactivation(ILogger logger, string stateName, GrainId grain);
}
