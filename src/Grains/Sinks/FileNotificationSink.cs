using System.Text.Json;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Actors.Grains.Options;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Sinks;

/// <summary>Appends each notification as one JSON line to <see cref="FileSinkOptions.Path"/>.</summary>
public sealed class FileNotificationSink(IOptions<FileSinkOptions> options) : INotificationSink, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => "file";

    public async Task SendAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var lines = notifications.Select(n => JsonSerializer.Serialize(n, AlertJsonContext.Records.Notification));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllLinesAsync(options.Value.Path, lines, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
