using System.Text.Json;
using Actors.Aws.Kinesis;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Actors.Grains.Sinks;
using Microsoft.Extensions.Options;

namespace Actors.Hosting.Sinks;

/// <summary>Writes each notification's anomaly record (the README's record shape) to an output Kinesis stream, keyed by device.</summary>
public sealed class AnomalyStreamNotificationSink(KinesisPutter putter, IOptions<AnomalyStreamSinkOptions> options) : INotificationSink
{
    public string Name => "kinesis";

    public async Task SendAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var stream = options.Value.StreamName ?? throw new InvalidOperationException($"{AnomalyStreamSinkOptions.SectionName}:{nameof(AnomalyStreamSinkOptions.StreamName)} is not configured.");
        var entries = notifications.Select(n => new PutRecordsEntry(JsonSerializer.SerializeToUtf8Bytes(n.Anomaly, AlertJsonContext.Records.Anomaly), n.Anomaly.DeviceId)).ToList();
        await putter.PutAllAsync(stream, entries, cancellationToken);
    }
}
