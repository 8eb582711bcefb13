using Actors.Simulation.Json;

namespace Actors.Simulation.Malformed;

/// <summary>Turns a valid reading into a malformed record of the next kind in turn.</summary>
internal sealed class MalformedRecordFactory(Random random)
{
    private const string UnparsableTime = "\"not-a-timestamp\"";
    private const int MinGarbageLength = 8;
    private const int MaxGarbageLength = 48;

    private static readonly MalformedKind[] Kinds = Enum.GetValues<MalformedKind>();

    private long _created;

    /// <summary>The bytes of a malformed variant of <paramref name="valid"/>, of the next kind in turn.</summary>
    public byte[] Create(JsonRecord valid)
    {
        var kind = Kinds[_created++ % Kinds.Length];
        return kind switch
        {
            MalformedKind.TruncatedJson => Truncate(valid),
            MalformedKind.NaNToken => ReplaceMetrics(valid, "NaN"),
            MalformedKind.OverflowNumber => ReplaceMetrics(valid, "1e400"),
            MalformedKind.MissingDeviceId => valid.Map(f => f.Role == FieldRole.Identity ? null : f).ToUtf8(),
            MalformedKind.UnparsableTimestamp => valid.Map(f => f.Role == FieldRole.Time ? f with { Token = UnparsableTime } : f).ToUtf8(),
            MalformedKind.StringOnlyMetrics => valid.Map(f => f.Role == FieldRole.Metric ? f with { Token = "\"" + f.Token + "\"" } : f).ToUtf8(),
            MalformedKind.BinaryGarbage => Garbage(),
            MalformedKind.EmptyLine => [],
            _ => throw new InvalidOperationException($"Unknown malformed kind {kind}."),
        };
    }

    private static byte[] Truncate(JsonRecord valid)
    {
        var bytes = valid.ToUtf8();
        return bytes[..(bytes.Length / 2)];
    }

    private static byte[] ReplaceMetrics(JsonRecord valid, string token) =>
        valid.Map(f => f.Role == FieldRole.Metric ? f with { Token = token } : f).ToUtf8();

    private byte[] Garbage()
    {
        var bytes = new byte[random.Next(MinGarbageLength, MaxGarbageLength + 1)];
        random.NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xFE;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'\n' or (byte)'\r')
            {
                bytes[i] = 0x80;
            }
        }
        return bytes;
    }
}
