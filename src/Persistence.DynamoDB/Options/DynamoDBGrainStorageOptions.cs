using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Extensions.NETCore.Setup;
using Orleans.Runtime;
using Orleans.Storage;

namespace Actors.Persistence.DynamoDB;

/// <summary>
/// Options of one named DynamoDB grain storage provider. Region and endpoint default to the AWS SDK's
/// <c>AWSOptions</c> registered in the silo's services (<c>AddDefaultAWSOptions</c>), the process's one AWS set-up;
/// credentials come from the AWS SDK's default chain (environment, profile, ECS task role, instance profile) and are
/// never part of these options.
/// </summary>
public sealed class DynamoDBGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The default <see cref="TableName"/>.</summary>
    public const string DefaultTableName = "OrleansGrainState";

    /// <summary>The default <see cref="MaxErrorRetry"/>.</summary>
    public const int DefaultMaxErrorRetry = 5;

    /// <summary>
    /// The DynamoDB table that holds every grain state of this provider, one item per state.
    /// Defaults to <see cref="DefaultTableName"/> ("OrleansGrainState").
    /// </summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>
    /// The endpoint to call instead of the real AWS one, for example <c>http://127.0.0.1:4566</c> for a local
    /// <c>moto_server</c>. Defaults to <see langword="null"/>: the registered <c>AWSOptions</c>' endpoint override,
    /// else as the AWS SDK resolves it (<c>AWS_ENDPOINT_URL_DYNAMODB</c>, <c>AWS_ENDPOINT_URL</c>, else the regional
    /// endpoint of <see cref="Region"/>).
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The AWS region of the table (also the signing region when <see cref="ServiceUrl"/> is set).
    /// Defaults to <see langword="null"/>: the registered <c>AWSOptions</c>' region, else as the AWS SDK resolves it
    /// (<c>AWS_REGION</c>, the profile).
    /// </summary>
    public string? Region { get; set; }

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

    /// <summary>
    /// The DynamoDB client configuration of this provider's table: <see cref="ServiceUrl"/> and <see cref="Region"/>,
    /// else those of <paramref name="aws"/>, the process's AWS set-up, else the AWS SDK's own resolution. The one place
    /// the provider and its health check take their endpoint and region from.
    /// </summary>
    /// <param name="aws">The AWS SDK options registered in the silo's services, if any.</param>
    public AmazonDynamoDBConfig CreateClientConfig(AWSOptions? aws)
    {
        var config = new AmazonDynamoDBConfig();
        var region = Region ?? aws?.Region?.SystemName;
        if ((ServiceUrl ?? aws?.DefaultClientConfig.ServiceURL) is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = region;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return config;
    }
}
