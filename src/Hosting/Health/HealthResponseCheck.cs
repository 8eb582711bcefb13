namespace Actors.Hosting.Health;

/// <summary>One check of a <see cref="HealthResponse"/>: its status only.</summary>
internal sealed record HealthResponseCheck(string Status);
