namespace Actors.Simulation.Json;

/// <summary>One field of a <see cref="JsonRecord"/>: a raw JSON token, or a nested object.</summary>
/// <param name="Name">Property name.</param>
/// <param name="Role">What the field means.</param>
/// <param name="Token">The value as JSON text; <see langword="null"/> when <paramref name="Nested"/> is set.</param>
/// <param name="Nested">A nested object value.</param>
internal sealed record JsonField(string Name, FieldRole Role, string? Token, JsonRecord? Nested);
