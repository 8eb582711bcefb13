namespace Actors.Hosting.Networking;

/// <summary>One network of an <see cref="EcsContainer"/>: its mode (<c>awsvpc</c>, <c>bridge</c>, <c>host</c>) and addresses.</summary>
internal sealed record EcsContainerNetwork(string? NetworkMode = null, IReadOnlyList<string>? IPv4Addresses = null);
