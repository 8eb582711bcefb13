using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Actors.Detection.Tests.Parsing;

/// <summary>Keeps every log entry so tests can assert what was logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), properties.ToDictionary(p => p.Key, p => p.Value)));
    }
}
