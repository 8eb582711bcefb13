using Actors.Deployment.Tests.Configuration;
using Xunit;

namespace Actors.Deployment.Tests;

public sealed class KnownConfigurationKeysTests
{
    private static readonly KnownConfigurationKeys Known = KnownConfigurationKeys.FromPrograms();

    [Theory]
    [InlineData("Cluster__Membership")]
    [InlineData("Cluster__RedisConnectionString")]
    [InlineData("Cluster__ShutdownTimeout")]
    [InlineData("ClusterMembership__ProbeTimeout")]
    [InlineData("DynamoDB__TableName")]
    [InlineData("DynamoDB__CreateIfNotExists")]
    [InlineData("Aws__ServiceUrl")]
    [InlineData("Notifier__Sinks__0")]
    [InlineData("Notifier__File__Path")]
    [InlineData("Rules__Thresholds__0__Metric")]
    [InlineData("Rules__ZScore__Bound")]
    [InlineData("Devices__RulesRefreshInterval")]
    [InlineData("Spc__TimeZone")]
    [InlineData("Parsing__DeviceIdFields__1")]
    [InlineData("Ingestor__EmbeddedSilo")]
    [InlineData("Kinesis__InitialPosition")]
    [InlineData("Simulation__Seed")]
    [InlineData("Sns__TopicArn")]
    [InlineData("AnomalyStream__StreamName")]
    [InlineData("Health__Port")]
    [InlineData("Dashboard__Enabled")]
    [InlineData("Admin__Secret")]
    [InlineData("cluster__membership")]
    [InlineData("AWS_REGION")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("DOTNET_gcServer")]
    [InlineData("Logging__LogLevel__Default")]
    public void Keys_the_programs_read_are_known(string variable) => Assert.True(Known.IsRead(variable), $"{variable} should be known.");

    [Theory]
    [InlineData("Cluster__Membrship")]
    [InlineData("Cluster")]
    [InlineData("Notifier__Sinks")]
    [InlineData("Sns__Topic")]
    [InlineData("Simulation__DeviceCount")]
    [InlineData("Kinesis__HeartbeatInterval")]
    [InlineData("DynamoDB__GrainStorageSerializer")]
    [InlineData("Redis__ConnectionString")]
    [InlineData("AWS_ENDPOINT")]
    [InlineData("LoggingLevel")]
    public void Anything_else_is_unknown(string variable) => Assert.False(Known.IsRead(variable), $"{variable} should be unknown.");

    [Fact]
    public void Every_options_section_of_the_programs_is_found()
    {
        foreach (var section in new[] { "Cluster", "DynamoDB", "Aws", "Notifier", "Notifier:File", "Devices", "Rules", "Spc", "Parsing", "Ingestor", "Kinesis", "Simulation", "Sns", "AnomalyStream", "Health", "Dashboard", "Admin" })
        {
            Assert.True(Known.Sections.ContainsKey(section), $"No options class found for section {section}; found: {string.Join(", ", Known.Sections.Keys)}");
        }
    }

    [Theory]
    [InlineData("Cluster__Membership", "Zookeeper")]
    [InlineData("Cluster__ShutdownTimeout", "90s")]
    [InlineData("Health__Port", "eighty")]
    [InlineData("DynamoDB__CreateIfNotExists", "no")]
    [InlineData("Rules__Thresholds__0__Upper", "30 °C")]
    public void Values_the_binder_cannot_convert_are_reported(string variable, string value) =>
        Assert.NotNull(Known.ValueError(variable, value));

    [Theory]
    [InlineData("Cluster__Membership", "Redis")]
    [InlineData("Cluster__ShutdownTimeout", "00:01:30")]
    [InlineData("Health__Port", "8080")]
    [InlineData("DynamoDB__CreateIfNotExists", "false")]
    [InlineData("Rules__Thresholds__0__Upper", "30.5")]
    [InlineData("Sns__TopicArn", "anything")]
    public void Values_the_binder_converts_pass(string variable, string value) =>
        Assert.Null(Known.ValueError(variable, value));

    [Fact]
    public void Variables_are_normalized_to_configuration_keys() =>
        Assert.Equal("Rules:Thresholds:{i}:Upper", KnownConfigurationKeys.Normalize("Rules__Thresholds__12__Upper"));
}
