using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

public sealed class ReadingParserOptionsTests
{
    private readonly ReadingParserOptionsValidator _validator = new();

    [Fact]
    public void Defaults_match_the_documented_formats_and_are_valid()
    {
        var options = new ReadingParserOptions();

        Assert.Equal(["device_id", "deviceId", "machine_id"], options.DeviceIdFields);
        Assert.Equal(["product_id", "productId"], options.ProductIdFields);
        Assert.Equal(["timestamp"], options.TimestampFields);
        Assert.Equal("imsi", options.EnvelopeDeviceIdField);
        Assert.Equal("payloads", options.EnvelopePayloadField);
        Assert.Equal(["operatorId", "imsi", "imei", "sourceProtocol"], options.IgnoredFields);
        Assert.Equal(100_000, options.InternCacheCapacity);
        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Empty_device_id_fields_are_named()
    {
        var result = _validator.Validate(null, new ReadingParserOptions { DeviceIdFields = [] });

        Assert.True(result.Failed);
        Assert.Equal(["Parsing:DeviceIdFields must list at least one field name."], result.Failures);
    }

    [Fact]
    public void Every_bad_property_is_named()
    {
        var options = new ReadingParserOptions
        {
            TimestampFields = [],
            IgnoredFields = ["ok", " "],
            EnvelopePayloadField = "",
            InternCacheCapacity = -1,
        };

        var failures = ReadingParserOptionsValidator.Check(options);

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Parsing:TimestampFields ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Parsing:IgnoredFields ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Parsing:EnvelopePayloadField ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Parsing:InternCacheCapacity ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_in_two_roles_is_named()
    {
        var failures = ReadingParserOptionsValidator.Check(new ReadingParserOptions { TimestampFields = ["timestamp", "device_id"] });

        Assert.Equal(["Parsing:TimestampFields names 'device_id', which DeviceIdFields already uses."], failures);
    }

    [Fact]
    public void Parser_refuses_invalid_options_and_names_the_property()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ReadingParser(new ReadingParserOptions { DeviceIdFields = [] }));

        Assert.Contains("DeviceIdFields", ex.Message);
    }

    [Fact]
    public void Binds_from_the_parsing_section_keeping_unconfigured_defaults()
    {
        var options = new ReadingParserOptions();

        ReadingParserOptionsBinder.Bind(Section(new()
        {
            ["Parsing:EnvelopeDeviceIdField"] = "iccid",
            ["Parsing:EnvelopePayloadField"] = "data",
            ["Parsing:InternCacheCapacity"] = "10",
        }), options);

        Assert.Equal("iccid", options.EnvelopeDeviceIdField);
        Assert.Equal("data", options.EnvelopePayloadField);
        Assert.Equal(10, options.InternCacheCapacity);
        Assert.Equal(["device_id", "deviceId", "machine_id"], options.DeviceIdFields);
        Assert.Equal(["operatorId", "imsi", "imei", "sourceProtocol"], options.IgnoredFields);
    }

    [Fact]
    public void A_configured_field_list_replaces_the_default_instead_of_extending_it()
    {
        var options = new ReadingParserOptions();

        ReadingParserOptionsBinder.Bind(Section(new()
        {
            ["Parsing:DeviceIdFields:0"] = "serial",
            ["Parsing:DeviceIdFields:1"] = "device_id",
            ["Parsing:IgnoredFields"] = "",
        }), options);

        Assert.Equal(["serial", "device_id"], options.DeviceIdFields);
        Assert.Empty(options.IgnoredFields);
        Assert.Equal(["timestamp"], options.TimestampFields);
    }

    [Fact]
    public void AddReadingParser_wires_configured_parser_and_rejection_log()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Parsing:DeviceIdFields:0"] = "serial" })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddReadingParser()
            .BuildServiceProvider();

        var parser = provider.GetRequiredService<ReadingParser>();
        var outcome = parser.Parse("""{"serial": "S-1", "device_id": "other", "timestamp": 1771329600000, "v": 2}"""u8);

        Assert.True(outcome.IsAccepted, outcome.Detail);
        Assert.Equal("S-1", outcome.Reading.DeviceId);
        Assert.Equal([new Metric("v", 2)], outcome.Reading.Metrics);
        Assert.Same(provider.GetRequiredService<RejectionLog>(), provider.GetRequiredService<RejectionLog>());
    }

    [Fact]
    public void AddReadingParser_validates_and_names_the_bad_property()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Parsing:InternCacheCapacity"] = "-5" })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddReadingParser()
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReadingParserOptions>>().Value);

        Assert.Contains("Parsing:InternCacheCapacity", ex.Message);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ReadingParserOptions.SectionName);
}
