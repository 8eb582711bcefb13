namespace Actors.Detection.Parsing;

/// <summary>Why a record was not turned into a reading.</summary>
public enum RejectReason
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>Not valid JSON: empty, truncated, binary, <c>NaN</c> tokens, trailing content or invalid UTF-8.</summary>
    MalformedJson = 1,

    /// <summary>Valid JSON whose top-level value is an array or a scalar.</summary>
    NotAnObject = 2,

    /// <summary>No configured device ID field with a non-blank string or number value.</summary>
    MissingDeviceId = 3,

    /// <summary>No configured time field.</summary>
    MissingTimestamp = 4,

    /// <summary>A time field is present but none is in a recognized format or range.</summary>
    UnparsableTimestamp = 5,

    /// <summary>No numeric field other than identity, time and ignored fields.</summary>
    NoFiniteMetric = 6,

    /// <summary>A numeric field does not fit a finite double (e.g. <c>1e400</c>).</summary>
    NonFiniteMetric = 7,

    /// <summary>The device or product ID is longer than <see cref="ReadingParserOptions.MaxIdentityLength"/> or holds a control character.</summary>
    InvalidIdentity = 8,

    /// <summary>
    /// The event time is before <see cref="ReadingParserOptions.EarliestEventTime"/> or more than
    /// <see cref="ReadingParserOptions.MaxFutureSkew"/> ahead of the clock.
    /// </summary>
    ImplausibleTimestamp = 9,

    /// <summary>The record is larger than <see cref="ReadingParserOptions.MaxRecordBytes"/>.</summary>
    RecordTooLarge = 10,

    /// <summary>
    /// The record is a valid reading, but a grain failed on it every time it was sent, alone (the detail names the grain
    /// and its error); the rest of its batch was judged.
    /// </summary>
    GrainRejected = 11,
}
