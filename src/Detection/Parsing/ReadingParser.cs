using System.Buffers;
using System.Text;
using System.Text.Json;
using Actors.Grains.Interfaces;

namespace Actors.Detection.Parsing;

/// <summary>
/// Turns one JSON record (UTF-8) in any of the accepted device formats into a <see cref="Reading"/>, or says why not.
/// </summary>
/// <remarks>
/// Thread-safe and meant to be shared: one instance parses every record. The record is read once, forward only;
/// device IDs, product IDs and metric names are interned, so a record from a known device allocates only the
/// <see cref="Reading"/> and its metric array. <see cref="Parse(ReadOnlySpan{byte})"/> never throws for bad input.
/// <para>
/// Validation at the edge: a record larger than <see cref="ReadingParserOptions.MaxRecordBytes"/>, a device or product ID
/// longer than <see cref="ReadingParserOptions.MaxIdentityLength"/> or holding a control character, and an event time
/// outside [<see cref="ReadingParserOptions.EarliestEventTime"/>, now + <see cref="ReadingParserOptions.MaxFutureSkew"/>]
/// are rejected, so nothing downstream (grain keys, storage keys, date arithmetic) meets them.
/// </para>
/// <para>
/// A record whose <see cref="ReadingParserOptions.EnvelopePayloadField"/> holds an object is a gateway envelope:
/// the device ID is the envelope's <see cref="ReadingParserOptions.EnvelopeDeviceIdField"/> (else a top-level device
/// field, never one inside the payload), metrics come from the payload only, and the time is the payload's if
/// parsable, else the envelope's. A repeated metric name keeps its first value.
/// </para>
/// </remarks>
public sealed class ReadingParser
{
    private const int ScratchBytes = 512;
    private const int MaxCachedValueBytes = 256;
    private const int MaxDetailValueChars = 64;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)]);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly byte[][] _deviceIdFields;
    private readonly byte[][] _productIdFields;
    private readonly byte[][] _timestampFields;
    private readonly byte[][] _ignoredFields;
    private readonly byte[] _envelopeDeviceIdField;
    private readonly byte[] _envelopePayloadField;
    private readonly string[] _timestampFieldNames;
    private readonly Utf8StringCache _identities;
    private readonly Utf8StringCache _names;
    private readonly string _missingDeviceIdDetail;
    private readonly string _missingEnvelopeDeviceIdDetail;
    private readonly string _missingTimestampDetail;
    private readonly string _noMetricDetail;
    private readonly string _noPayloadMetricDetail;
    private readonly int _maxIdentityLength;
    private readonly DateTime _earliestEventTime;
    private readonly TimeSpan? _maxFutureSkew;
    private readonly TimeProvider _time;
    private long _latestPlausibleTicks;

    /// <summary>Creates a parser for the given field configuration.</summary>
    /// <param name="options">Fields and limits.</param>
    /// <param name="time">The clock <see cref="ReadingParserOptions.MaxFutureSkew"/> is measured from; the system clock when null.</param>
    /// <exception cref="ArgumentException">The options are not valid; the message names each bad property.</exception>
    public ReadingParser(ReadingParserOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ReadingParserOptionsValidator.Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        _deviceIdFields = Encode(options.DeviceIdFields);
        _productIdFields = Encode(options.ProductIdFields);
        _timestampFields = Encode(options.TimestampFields);
        _ignoredFields = Encode(options.IgnoredFields);
        _envelopeDeviceIdField = Encoding.UTF8.GetBytes(options.EnvelopeDeviceIdField);
        _envelopePayloadField = Encoding.UTF8.GetBytes(options.EnvelopePayloadField);
        _timestampFieldNames = [.. options.TimestampFields];
        _identities = new Utf8StringCache(options.InternCacheCapacity, MaxCachedValueBytes);
        _names = new Utf8StringCache(options.InternCacheCapacity, MaxCachedValueBytes);

        var deviceFields = string.Join(", ", options.DeviceIdFields);
        _missingDeviceIdDetail = $"no device ID: none of {deviceFields} has a non-blank value";
        _missingEnvelopeDeviceIdDetail = $"no device ID: envelope has none of {options.EnvelopeDeviceIdField}, {deviceFields} with a non-blank value";
        _missingTimestampDetail = $"no time: none of {string.Join(", ", options.TimestampFields)} is present";
        _noMetricDetail = "no numeric field other than identity and time fields";
        _noPayloadMetricDetail = $"no numeric field in {options.EnvelopePayloadField} other than identity and time fields";
        _maxIdentityLength = options.MaxIdentityLength;
        _earliestEventTime = DateTime.SpecifyKind(options.EarliestEventTime.ToUniversalTime(), DateTimeKind.Utc);
        _maxFutureSkew = options.MaxFutureSkew;
        _time = time ?? TimeProvider.System;
        MaxRecordBytes = options.MaxRecordBytes;
    }

    /// <summary>Largest record accepted, in bytes (<see cref="ReadingParserOptions.MaxRecordBytes"/>).</summary>
    public int MaxRecordBytes { get; }

    /// <summary>Number of distinct device and product IDs currently interned.</summary>
    internal int CachedIdentities => _identities.Count;

    /// <summary>Number of distinct metric names currently interned.</summary>
    internal int CachedNames => _names.Count;

    /// <summary>Parses one record.</summary>
    /// <param name="utf8Json">One JSON object, UTF-8 (a leading BOM is ignored).</param>
    /// <returns>The reading, or the rejection reason with a short detail.</returns>
    public ParseOutcome Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxRecordBytes)
        {
            return RejectTooLarge(utf8Json.Length);
        }
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }
        if (utf8Json.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return ParseOutcome.Rejected(RejectReason.MalformedJson, "empty record");
        }
        var record = new RecordScan();
        try
        {
            var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
            Span<byte> scratch = stackalloc byte[ScratchBytes];
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return RejectNotAnObject(ref reader);
            }
            ScanObject(ref reader, ref record, inPayload: false, scratch);
            EnsureEnd(ref reader);
            return Complete(ref record, utf8Json);
        }
        catch (JsonException ex)
        {
            return ParseOutcome.Rejected(RejectReason.MalformedJson, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return ParseOutcome.Rejected(RejectReason.MalformedJson, ex.Message);
        }
        finally
        {
            record.Release();
        }
    }

    /// <summary>Parses one NDJSON line; a line the reader cut short because it was too long is rejected as such.</summary>
    public ParseOutcome Parse(in NdjsonLine line) =>
        line.IsTruncated ? RejectTooLarge(line.Length) : Parse(line.Data.Span);

    private ParseOutcome RejectTooLarge(long length) => ParseOutcome.Rejected(
        RejectReason.RecordTooLarge,
        $"{length} bytes, more than {ReadingParserOptions.SectionName}:{nameof(ReadingParserOptions.MaxRecordBytes)} ({MaxRecordBytes})");

    private void ScanObject(ref Utf8JsonReader reader, ref RecordScan record, bool inPayload, scoped Span<byte> scratch)
    {
        ref var level = ref inPayload ? ref record.Payload : ref record.Top;
        var nameScratch = scratch[..(ScratchBytes / 2)];
        var valueScratch = scratch[(ScratchBytes / 2)..];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Unescaped(in reader, nameScratch);
            var role = Classify(name, out var rank);
            reader.Read();
            switch (role)
            {
                case FieldRole.Metric:
                    ScanMetric(ref reader, ref level, name);
                    break;
                case FieldRole.DeviceId when !inPayload:
                    if (ReadIdentity(ref reader, valueScratch, name) is { } deviceId && rank < level.DeviceIdRank)
                    {
                        level.DeviceId = deviceId;
                        level.DeviceIdRank = rank;
                    }
                    break;
                case FieldRole.ProductId:
                    if (ReadIdentity(ref reader, valueScratch, name) is { } productId && rank < level.ProductIdRank)
                    {
                        level.ProductId = productId;
                        level.ProductIdRank = rank;
                    }
                    break;
                case FieldRole.Timestamp:
                    ScanTimestamp(ref reader, ref level, rank, valueScratch);
                    break;
                case FieldRole.EnvelopeDeviceId when !inPayload:
                    if (ReadIdentity(ref reader, valueScratch, name) is { } envelopeDeviceId)
                    {
                        record.EnvelopeDeviceId ??= envelopeDeviceId;
                    }
                    break;
                case FieldRole.EnvelopePayload when !inPayload && !record.IsEnvelope && reader.TokenType == JsonTokenType.StartObject:
                    record.IsEnvelope = true;
                    ScanObject(ref reader, ref record, inPayload: true, scratch);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private void ScanMetric(ref Utf8JsonReader reader, ref LevelScan level, scoped ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            reader.Skip();
            return;
        }
        if (reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            level.Metrics.Add(new Metric(Intern(_names, name, name), value));
        }
        else if (level.NonFiniteName is null)
        {
            level.NonFiniteName = Intern(_names, name, name);
            level.NonFiniteStart = (int)reader.TokenStartIndex;
            level.NonFiniteLength = reader.ValueSpan.Length;
        }
    }

    private void ScanTimestamp(ref Utf8JsonReader reader, ref LevelScan level, int rank, scoped Span<byte> valueScratch)
    {
        var start = (int)reader.TokenStartIndex;
        DateTime time = default;
        bool parsed;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return;
            case JsonTokenType.Number:
                parsed = reader.TryGetInt64(out var milliseconds)
                    ? Utf8Timestamp.TryFromUnixMilliseconds(milliseconds, out time)
                    : reader.TryGetDouble(out var fractional) && Utf8Timestamp.TryFromUnixMilliseconds(fractional, out time);
                break;
            case JsonTokenType.String:
                parsed = Utf8Timestamp.TryParse(Unescaped(in reader, valueScratch), out time);
                break;
            default:
                reader.Skip();
                parsed = false;
                break;
        }
        if (parsed && rank < level.TimestampRank)
        {
            level.Timestamp = time;
            level.TimestampRank = rank;
        }
        else if (!parsed && rank < level.BadTimestampRank)
        {
            level.BadTimestampRank = rank;
            level.BadTimestampStart = start;
            level.BadTimestampLength = (int)reader.BytesConsumed - start;
        }
    }

    private string? ReadIdentity(ref Utf8JsonReader reader, scoped Span<byte> valueScratch, scoped ReadOnlySpan<byte> name)
    {
        scoped ReadOnlySpan<byte> value;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = Unescaped(in reader, valueScratch);
                break;
            case JsonTokenType.Number:
                value = reader.ValueSpan;
                break;
            default:
                reader.Skip();
                return null;
        }
        var text = Intern(_identities, value, name);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private ParseOutcome Complete(ref RecordScan record, ReadOnlySpan<byte> input)
    {
        var deviceId = record.IsEnvelope ? record.EnvelopeDeviceId ?? record.Top.DeviceId : record.Top.DeviceId;
        if (deviceId is null)
        {
            return ParseOutcome.Rejected(
                RejectReason.MissingDeviceId,
                record.IsEnvelope ? _missingEnvelopeDeviceIdDetail : _missingDeviceIdDetail);
        }

        DateTime timestamp;
        if (record.IsEnvelope && record.Payload.HasTimestamp)
        {
            timestamp = record.Payload.Timestamp;
        }
        else if (record.Top.HasTimestamp)
        {
            timestamp = record.Top.Timestamp;
        }
        else if (record.IsEnvelope && record.Payload.HasBadTimestamp)
        {
            return RejectBadTimestamp(ref record.Payload, input);
        }
        else if (record.Top.HasBadTimestamp)
        {
            return RejectBadTimestamp(ref record.Top, input);
        }
        else
        {
            return ParseOutcome.Rejected(RejectReason.MissingTimestamp, _missingTimestampDetail);
        }

        ref var source = ref record.IsEnvelope ? ref record.Payload : ref record.Top;
        if (source.NonFiniteName is not null)
        {
            var value = TextExcerpt.Create(input.Slice(source.NonFiniteStart, source.NonFiniteLength), MaxDetailValueChars);
            return ParseOutcome.Rejected(
                RejectReason.NonFiniteMetric,
                $"{source.NonFiniteName} = {value} is not a finite number");
        }
        if (source.Metrics.Count == 0)
        {
            return ParseOutcome.Rejected(
                RejectReason.NoFiniteMetric,
                record.IsEnvelope ? _noPayloadMetricDetail : _noMetricDetail);
        }

        var productId = record.Top.ProductId ?? record.Payload.ProductId;
        if ((IdentityProblem(deviceId, "device ID") ?? (productId is null ? null : IdentityProblem(productId, "product ID"))) is { } problem)
        {
            return ParseOutcome.Rejected(RejectReason.InvalidIdentity, problem);
        }
        if (timestamp < _earliestEventTime)
        {
            return ParseOutcome.Rejected(
                RejectReason.ImplausibleTimestamp,
                $"event time {timestamp:O} is before {ReadingParserOptions.SectionName}:{nameof(ReadingParserOptions.EarliestEventTime)} ({_earliestEventTime:O})");
        }
        if (!IsBeforeLatestPlausible(timestamp))
        {
            return ParseOutcome.Rejected(
                RejectReason.ImplausibleTimestamp,
                $"event time {timestamp:O} is more than {ReadingParserOptions.SectionName}:{nameof(ReadingParserOptions.MaxFutureSkew)} ({_maxFutureSkew}) ahead of the clock");
        }

        return ParseOutcome.Accepted(new Reading
        {
            DeviceId = deviceId,
            ProductId = productId,
            Timestamp = timestamp,
            Metrics = source.Metrics.ToArray(),
        });
    }

    private string? IdentityProblem(string id, string role)
    {
        if (id.Length > _maxIdentityLength)
        {
            return $"{role} is {id.Length} characters long, more than {ReadingParserOptions.SectionName}:{nameof(ReadingParserOptions.MaxIdentityLength)} ({_maxIdentityLength})";
        }
        var control = id.AsSpan().IndexOfAny(ControlCharacters);
        return control < 0 ? null : $"{role} holds the control character U+{(int)id[control]:X4} at position {control}";
    }

    /// <remarks>
    /// The bound only grows with the clock, so the last one computed is reused until a reading passes it; the clock is
    /// read only then.
    /// </remarks>
    private bool IsBeforeLatestPlausible(DateTime timestamp)
    {
        if (_maxFutureSkew is not { } skew || timestamp.Ticks <= Volatile.Read(ref _latestPlausibleTicks))
        {
            return true;
        }
        var now = _time.GetUtcNow().UtcDateTime.Ticks;
        var latest = now + Math.Min(skew.Ticks, DateTime.MaxValue.Ticks - now);
        Volatile.Write(ref _latestPlausibleTicks, latest);
        return timestamp.Ticks <= latest;
    }

    private ParseOutcome RejectBadTimestamp(ref LevelScan level, ReadOnlySpan<byte> input)
    {
        var value = TextExcerpt.Create(input.Slice(level.BadTimestampStart, level.BadTimestampLength), MaxDetailValueChars);
        return ParseOutcome.Rejected(
            RejectReason.UnparsableTimestamp,
            $"{_timestampFieldNames[level.BadTimestampRank]} = {value} is not a recognized time");
    }

    private static ParseOutcome RejectNotAnObject(ref Utf8JsonReader reader)
    {
        var detail = reader.TokenType switch
        {
            JsonTokenType.StartArray => "top-level value is an array",
            JsonTokenType.String => "top-level value is a string",
            JsonTokenType.Number => "top-level value is a number",
            JsonTokenType.True or JsonTokenType.False => "top-level value is a boolean",
            _ => "top-level value is null",
        };
        reader.Skip();
        EnsureEnd(ref reader);
        return ParseOutcome.Rejected(RejectReason.NotAnObject, detail);
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"Unexpected content after the JSON value at byte {reader.TokenStartIndex}.");
        }
    }

    private FieldRole Classify(ReadOnlySpan<byte> name, out int rank)
    {
        if ((rank = IndexOf(_deviceIdFields, name)) >= 0)
        {
            return FieldRole.DeviceId;
        }
        if ((rank = IndexOf(_productIdFields, name)) >= 0)
        {
            return FieldRole.ProductId;
        }
        if ((rank = IndexOf(_timestampFields, name)) >= 0)
        {
            return FieldRole.Timestamp;
        }
        rank = 0;
        if (name.SequenceEqual(_envelopeDeviceIdField))
        {
            return FieldRole.EnvelopeDeviceId;
        }
        if (name.SequenceEqual(_envelopePayloadField))
        {
            return FieldRole.EnvelopePayload;
        }
        return IndexOf(_ignoredFields, name) >= 0 ? FieldRole.Ignored : FieldRole.Metric;
    }

    private static int IndexOf(byte[][] fields, ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (name.SequenceEqual(fields[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static ReadOnlySpan<byte> Unescaped(in Utf8JsonReader reader, Span<byte> scratch)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }
        var destination = reader.ValueSpan.Length <= scratch.Length ? scratch : new byte[reader.ValueSpan.Length];
        return destination[..reader.CopyString(destination)];
    }

    private static string Intern(Utf8StringCache cache, ReadOnlySpan<byte> value, ReadOnlySpan<byte> field) =>
        cache.GetOrAdd(value)
        ?? throw new JsonException($"Field {TextExcerpt.Create(field, MaxDetailValueChars)} holds invalid UTF-8.");

    private static byte[][] Encode(string[] fields) => [.. fields.Select(Encoding.UTF8.GetBytes)];
}
