using System.Text;
using Actors.Detection.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

/// <summary>Validation at the edge: identities, plausible event times and record size.</summary>
public sealed class ReadingParserValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 17, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly ReadingParser _parser;

    public ReadingParserValidationTests()
    {
        _parser = new ReadingParser(new ReadingParserOptions(), _clock);
    }

    [Fact]
    public void Device_id_of_the_maximum_length_is_accepted_and_one_longer_is_rejected()
    {
        Assert.True(_parser.Parse(Record(device: new string('d', 128))).IsAccepted);

        var outcome = _parser.Parse(Record(device: new string('d', 129)));

        AssertRejected(outcome, RejectReason.InvalidIdentity);
        Assert.Equal("device ID is 129 characters long, more than Parsing:MaxIdentityLength (128)", outcome.Detail);
    }

    [Fact]
    public void Product_id_over_two_kilobytes_is_rejected_before_it_can_become_a_storage_key()
    {
        var outcome = _parser.Parse(Record(product: new string('p', 2100)));

        AssertRejected(outcome, RejectReason.InvalidIdentity);
        Assert.StartsWith("product ID is 2100 characters long", outcome.Detail);
    }

    [Theory]
    [InlineData("a\\u0000b", 0x00)]
    [InlineData("tab\\there", 0x09)]
    [InlineData("bell\\u0007", 0x07)]
    [InlineData("del\\u007F", 0x7F)]
    [InlineData("nel\\u0085", 0x85)]
    public void Identity_with_a_control_character_is_rejected(string escaped, int character)
    {
        var outcome = _parser.Parse(Encoding.UTF8.GetBytes($$"""{"device_id": "{{escaped}}", "timestamp": "2026-02-17 11:00:00", "t": 1}"""));

        AssertRejected(outcome, RejectReason.InvalidIdentity);
        Assert.Contains($"U+{character:X4}", outcome.Detail);
    }

    [Theory]
    [InlineData("M-001")]
    [InlineData("Ünïcödé-センサー-7")]
    [InlineData("a b")]
    public void Printable_identities_are_accepted(string device) =>
        Assert.True(_parser.Parse(Record(device: device)).IsAccepted);

    [Fact]
    public void Identity_length_limit_is_configurable()
    {
        var parser = new ReadingParser(new ReadingParserOptions { MaxIdentityLength = 4 }, _clock);

        Assert.True(parser.Parse(Record(device: "abcd")).IsAccepted);
        AssertRejected(parser.Parse(Record(device: "abcde")), RejectReason.InvalidIdentity);
    }

    [Theory]
    [InlineData("\"0001-01-01 00:00:00\"")]
    [InlineData("\"0001-01-14T23:59:59Z\"")]
    [InlineData("-62135596800000")]
    [InlineData("0")]
    [InlineData("\"1999-12-31 23:59:59.9999999\"")]
    public void Event_time_before_the_earliest_plausible_one_is_rejected_with_a_reason(string timestamp)
    {
        var outcome = _parser.Parse(Encoding.UTF8.GetBytes($$"""{"device_id": "d", "timestamp": {{timestamp}}, "t": 1}"""));

        AssertRejected(outcome, RejectReason.ImplausibleTimestamp);
        Assert.Contains("Parsing:EarliestEventTime", outcome.Detail);
    }

    [Fact]
    public void Earliest_plausible_event_time_itself_is_accepted() =>
        Assert.True(_parser.Parse("""{"device_id": "d", "timestamp": "2000-01-01 00:00:00", "t": 1}"""u8).IsAccepted);

    [Theory]
    [InlineData("\"9999-12-31 23:59:59\"")]
    [InlineData("253402300799999")]
    [InlineData("\"2026-02-18T12:00:00.0000001Z\"")]
    public void Event_time_beyond_the_clock_plus_the_skew_is_rejected(string timestamp)
    {
        var outcome = _parser.Parse(Encoding.UTF8.GetBytes($$"""{"device_id": "d", "timestamp": {{timestamp}}, "t": 1}"""));

        AssertRejected(outcome, RejectReason.ImplausibleTimestamp);
        Assert.Contains("Parsing:MaxFutureSkew", outcome.Detail);
    }

    [Fact]
    public void Future_bound_follows_the_clock()
    {
        var record = """{"device_id": "d", "timestamp": "2026-02-19 12:00:00", "t": 1}"""u8.ToArray();
        Assert.True(_parser.Parse("""{"device_id": "d", "timestamp": "2026-02-18 12:00:00", "t": 1}"""u8).IsAccepted);
        AssertRejected(_parser.Parse(record), RejectReason.ImplausibleTimestamp);

        _clock.Advance(TimeSpan.FromDays(1));

        Assert.True(_parser.Parse(record).IsAccepted);
    }

    [Fact]
    public void Without_a_future_skew_any_later_time_is_accepted()
    {
        var parser = new ReadingParser(new ReadingParserOptions { MaxFutureSkew = null }, _clock);

        Assert.True(parser.Parse("""{"device_id": "d", "timestamp": "9999-12-31 23:59:59", "t": 1}"""u8).IsAccepted);
    }

    [Fact]
    public void Record_over_the_size_limit_is_rejected_without_being_parsed()
    {
        var parser = new ReadingParser(new ReadingParserOptions { MaxRecordBytes = 64 }, _clock);
        var small = """{"device_id": "d", "timestamp": "2026-02-17 11:00:00", "t": 1}"""u8.ToArray();
        var large = """{"device_id": "d", "timestamp": "2026-02-17 11:00:00", "t": 1, "pad": 123456}"""u8.ToArray();

        Assert.True(parser.Parse(small).IsAccepted);
        var outcome = parser.Parse(large);

        AssertRejected(outcome, RejectReason.RecordTooLarge);
        Assert.Equal($"{large.Length} bytes, more than Parsing:MaxRecordBytes (64)", outcome.Detail);
    }

    [Fact]
    public void Truncated_ndjson_line_is_rejected_as_too_large()
    {
        var line = new NdjsonLine(7, "{\"device_id\""u8.ToArray()) { Length = 3_000_000_000 };

        var outcome = _parser.Parse(line);

        AssertRejected(outcome, RejectReason.RecordTooLarge);
        Assert.Equal("3000000000 bytes, more than Parsing:MaxRecordBytes (1048576)", outcome.Detail);
    }

    [Fact]
    public void Limits_bind_from_configuration_and_an_empty_skew_removes_the_future_bound()
    {
        var options = new ReadingParserOptions();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Parsing:MaxIdentityLength"] = "64",
            ["Parsing:EarliestEventTime"] = "2020-01-01T00:00:00Z",
            ["Parsing:MaxFutureSkew"] = "",
            ["Parsing:MaxRecordBytes"] = "4096",
        }).Build();

        ReadingParserOptionsBinder.Bind(configuration.GetSection(ReadingParserOptions.SectionName), options);

        Assert.Equal(64, options.MaxIdentityLength);
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), options.EarliestEventTime.ToUniversalTime());
        Assert.Null(options.MaxFutureSkew);
        Assert.Equal(4096, options.MaxRecordBytes);
    }

    [Fact]
    public void Bad_limits_are_named()
    {
        var failures = ReadingParserOptionsValidator.Check(new ReadingParserOptions
        {
            MaxIdentityLength = 0,
            MaxFutureSkew = TimeSpan.FromSeconds(-1),
            MaxRecordBytes = 0,
        });

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Parsing:MaxIdentityLength", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Parsing:MaxFutureSkew", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Parsing:MaxRecordBytes", StringComparison.Ordinal));
    }

    private static byte[] Record(string device = "d", string? product = null) =>
        Encoding.UTF8.GetBytes(product is null
            ? $$"""{"device_id": "{{device}}", "timestamp": "2026-02-17 11:00:00", "t": 1}"""
            : $$"""{"device_id": "{{device}}", "product_id": "{{product}}", "timestamp": "2026-02-17 11:00:00", "t": 1}""");

    private static void AssertRejected(ParseOutcome outcome, RejectReason reason)
    {
        Assert.False(outcome.IsAccepted);
        Assert.Equal(reason, outcome.Reason);
    }
}
