using Microsoft.Extensions.Logging;

namespace Actors.Detection.Tests.Parsing;

/// <summary>One captured log call.</summary>
internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties);
