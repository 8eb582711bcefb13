using Actors.Ingestor.Kinesis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Actors.Aws.Tests.Ingest;

public sealed class KinesisIngestOptionsTests
{
    private static KinesisIngestOptions Valid() => new() { StreamName = "readings" };

    [Fact]
    public void Defaults_with_a_stream_name_are_valid_and_respect_the_Kinesis_limits()
    {
        var options = Valid();

        Assert.Empty(KinesisIngestOptionsValidator.Check(options));
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.PollInterval);
        Assert.Equal(10_000, options.MaxRecordsPerCall);
        Assert.Equal(256, options.MaxGrainCallsInFlight);
        Assert.Equal(TimeSpan.FromSeconds(15), options.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HeartbeatInterval);
        Assert.Equal(KinesisInitialPosition.TrimHorizon, options.InitialPosition);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(Environment.MachineName)}-{Environment.ProcessId}-[0-9a-f]{{6}}$", options.WorkerId);
        Assert.NotEqual(options.WorkerId, Valid().WorkerId);
    }

    public static TheoryData<string, Action<KinesisIngestOptions>> BadOptions => new()
    {
        { "Kinesis:StreamName", o => o.StreamName = "" },
        { "Kinesis:StreamName", o => o.StreamName = "has space" },
        { "Kinesis:InitialTimestamp", o => o.InitialPosition = KinesisInitialPosition.AtTimestamp },
        { "Kinesis:InitialPosition", o => o.InitialPosition = (KinesisInitialPosition)7 },
        { "Kinesis:PollInterval", o => o.PollInterval = TimeSpan.FromMilliseconds(100) },
        { "Kinesis:MaxRecordsPerCall", o => o.MaxRecordsPerCall = 10_001 },
        { "Kinesis:MaxRecordsPerCall", o => o.MaxRecordsPerCall = 0 },
        { "Kinesis:MaxGrainCallsInFlight", o => o.MaxGrainCallsInFlight = 0 },
        { "Kinesis:ShardDiscoveryInterval", o => o.ShardDiscoveryInterval = TimeSpan.Zero },
        { "Kinesis:LeaseDuration", o => o.LeaseDuration = TimeSpan.FromMilliseconds(500) },
        { "Kinesis:WorkerId", o => o.WorkerId = " " },
        { "Kinesis:DeadLetterPath", o => o.DeadLetterPath = "" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Each_bad_property_is_named(string property, Action<KinesisIngestOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var failure = Assert.Single(KinesisIngestOptionsValidator.Check(options));

        Assert.StartsWith(property + " ", failure);
    }

    [Fact]
    public void Configuration_binds_and_is_validated_when_the_options_are_read()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kinesis:StreamName"] = "readings",
            ["Kinesis:InitialPosition"] = "AtTimestamp",
            ["Kinesis:InitialTimestamp"] = "2026-02-17T12:00:00Z",
            ["Kinesis:WorkerId"] = "ingest-1",
            ["Kinesis:LeaseDuration"] = "00:00:03",
        };

        var bound = Read(settings);
        settings["Kinesis:PollInterval"] = "00:00:00.050";
        var error = Assert.Throws<OptionsValidationException>(() => Read(settings));

        Assert.Equal(KinesisInitialPosition.AtTimestamp, bound.InitialPosition);
        Assert.Equal(new DateTimeOffset(2026, 2, 17, 12, 0, 0, TimeSpan.Zero), bound.InitialTimestamp);
        Assert.Equal("ingest-1", bound.WorkerId);
        Assert.Equal(TimeSpan.FromSeconds(1), bound.HeartbeatInterval);
        Assert.Contains("Kinesis:PollInterval", Assert.Single(error.Failures));
    }

    private static KinesisIngestOptions Read(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddKinesisIngest(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<KinesisIngestOptions>>().Value;
    }
}
