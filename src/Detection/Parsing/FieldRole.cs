namespace Actors.Detection.Parsing;

/// <summary>What a property name means to the parser.</summary>
internal enum FieldRole
{
    Metric,
    DeviceId,
    ProductId,
    Timestamp,
    EnvelopeDeviceId,
    EnvelopePayload,
    Ignored,
}
