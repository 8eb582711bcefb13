namespace Actors.Hosting.Health;

/// <summary>The body of a health answer: the overall status and each check's status, by check name.</summary>
internal sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthResponseCheck> Checks);
