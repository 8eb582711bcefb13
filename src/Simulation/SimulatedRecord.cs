namespace Actors.Simulation;

/// <summary>One raw record as a device would send it.</summary>
/// <param name="EventTime">UTC time of the reading as written in the record, at the precision of its format.</param>
/// <param name="DeviceId">The device that sent it (also for malformed records, whose payload may lack it).</param>
/// <param name="Payload">UTF-8 JSON (or, when malformed, whatever bytes the device sent), without a newline.</param>
/// <param name="IsMalformed">Whether the record was deliberately corrupted and should be rejected by a consumer.</param>
public readonly record struct SimulatedRecord(DateTime EventTime, string DeviceId, byte[] Payload, bool IsMalformed);
