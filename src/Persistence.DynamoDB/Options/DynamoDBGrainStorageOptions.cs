using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Persistence.DynamoDB;

/// <summary>
/// Options of one named DynamoDB grain storage provider. Credentials come from the AWS SDK's default chain
/// (environment, profile, ECS task role, instance profile); they are never part of these options.
/// </summary>
public sealed class DynamoDBGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The default <see cref="TableName"/>.</summary>
    public const string DefaultTableName = "OrleansGrainState";

    /// <summary>The default <see cref="Region"/> when <c>AWS_REGION</c> is not set.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The default <see cref="MaxErrorRetry"/>.</summary>
    public const int DefaultMaxErrorRetry = 5;

    /// <summary>
    /// The DynamoDB table that holds every grain state of this provider, one item per state.
    /// Defaults to <see cref="DefaultTableName"/> ("OrleansGrainState").
    /// </summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// The endpoint to call instead of the real AWS one, for example <c>http://127.0.0.1:4566</c> for a local
    /// <c>moto_server</c>. Defaults to <see langword="null"/>: the regional AWS endpoint of <see cref="Region"/>.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The AWS region of the table (also the signing region when <see cref="ServiceUrl"/> is set).
    /// Defaults to the <c>AWS_REGION</c> environment variable, else <see cref="DefaultRegion"/> ("us-east-1").
    /// </summary>
    public string Region { get; set; } = DefaultRegionFromEnvironment();

    /// <summary>
    /// Whether the silo creates the table (on-demand, PAY_PER_REQUEST billing) when it does not exist, and waits
    /// until it is ACTIVE. Defaults to <see langword="true"/>. When <see langword="false"/>, a missing table fails
    /// silo start.
    /// </summary>
    public bool CreateIfNotExists { get; set; } = true;

    /// <summary>
    /// Whether clearing a grain's state deletes its item (<see langword="true"/>, the default) or overwrites it with
    /// an empty state and a new ETag (<see langword="false"/>).
    /// </summary>
    public bool DeleteStateOnClear { get; set; } = true;

    /// <summary>
    /// How many times the AWS SDK retries a throttled, timed-out or 5xx request (standard retry mode, exponential
    /// back-off with jitter). Defaults to <see cref="DefaultMaxErrorRetry"/> (5).
    /// </summary>
    public int MaxErrorRetry { get; set; } = DefaultMaxErrorRetry;

    /// <summary>
    /// The silo lifecycle stage at which the provider connects and ensures the table.
    /// Defaults to <see cref="ServiceLifecycleStage.ApplicationServices"/>.
    /// </summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// The serializer of grain state. Defaults to <see langword="null"/>: the silo's configured
    /// <see cref="IGrainStorageSerializer"/>, filled in when the options are post-configured.
    /// </summary>
    public IGrainStorageSerializer? GrainStorageSerializer { get; set; }

    IGrainStorageSerializer IStorageProviderSerializerOptions.GrainStorageSerializer
    {
        get => GrainStorageSerializer!;
        set => GrainStorageSerializer = value;
    }

    private static string DefaultRegionFromEnvironment()
    {
        var region = Environment.GetEnvironmentVariable("AWS_REGION");
        return string.IsNullOrWhiteSpace(region) ? DefaultRegion : region;
    }
}
