namespace Actors.Simulation.Json;

/// <summary>What a field of a record means to a consumer, so that malformed variants can target it.</summary>
internal enum FieldRole
{
    /// <summary>The device identity (<c>device_id</c>, <c>machine_id</c>, <c>imsi</c>).</summary>
    Identity,

    /// <summary>A timestamp.</summary>
    Time,

    /// <summary>A numeric measurement.</summary>
    Metric,

    /// <summary>Anything else (product, envelope details, nested payload).</summary>
    Other,
}
