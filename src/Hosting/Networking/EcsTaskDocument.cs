namespace Actors.Hosting.Networking;

/// <summary>The part of the ECS task metadata document (<c>/task</c>, version 4) that locates the task: its containers.</summary>
internal sealed record EcsTaskDocument(IReadOnlyList<EcsContainer> Containers);
