namespace Actors.Simulation.Malformed;

/// <summary>The ways a record is corrupted; they take turns in this order.</summary>
internal enum MalformedKind
{
    /// <summary>The JSON cut off in the middle.</summary>
    TruncatedJson,

    /// <summary>Every metric written as the non-JSON token <c>NaN</c>.</summary>
    NaNToken,

    /// <summary>Every metric written as <c>1e400</c>, which overflows a double.</summary>
    OverflowNumber,

    /// <summary>The device identity field left out.</summary>
    MissingDeviceId,

    /// <summary>Every timestamp replaced by text that is no time.</summary>
    UnparsableTimestamp,

    /// <summary>Every metric written as a JSON string instead of a number.</summary>
    StringOnlyMetrics,

    /// <summary>Bytes that are not UTF-8 text at all.</summary>
    BinaryGarbage,

    /// <summary>An empty line.</summary>
    EmptyLine,
}
