namespace Actors.Admin.Connection;

/// <summary>A connection to the cluster for the length of one command.</summary>
public sealed class ClusterSession(IGrainFactory grains, Func<ValueTask> close) : IAsyncDisposable
{
    /// <summary>The grains of the cluster.</summary>
    public IGrainFactory Grains { get; } = grains;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => close();
}
