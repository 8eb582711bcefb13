namespace Actors.Hosting.Networking;

/// <summary>One container of an <see cref="EcsTaskDocument"/>: the networks it is attached to.</summary>
internal sealed record EcsContainer(IReadOnlyList<EcsContainerNetwork>? Networks = null);
