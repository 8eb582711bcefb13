using Amazon;
using Amazon.Extensions.NETCore.Setup;

namespace Actors.Aws;

/// <summary>
/// The one AWS set-up of a process, bound from the <see cref="SectionName"/> configuration section: the region and
/// endpoint override of every AWS client (the DynamoDB SDK client through <see cref="ToSdkOptions"/>, and the Kinesis
/// and SNS clients here), and the retry of the clients here. Credentials come from the AWS SDK's default chain
/// (environment, profile, ECS task role, instance profile) for every client; they are never part of these options.
/// </summary>
public sealed class AwsOptions
{
    /// <summary>The configuration section these options are bound from: <c>"Aws"</c>.</summary>
    public const string SectionName = "Aws";

    /// <summary>The default <see cref="Region"/> when neither <c>AWS_REGION</c> nor <c>AWS_DEFAULT_REGION</c> is set.</summary>
    public const string FallbackRegion = "us-east-1";

    /// <summary>The default <see cref="MaxRetries"/>.</summary>
    public const int DefaultMaxRetries = 5;

    /// <summary>The largest <see cref="MaxRetries"/> the validator accepts.</summary>
    public const int MaxRetriesLimit = 20;

    /// <summary>The default <see cref="BaseDelay"/>: 200 ms.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The largest <see cref="BaseDelay"/> the validator accepts: one minute.</summary>
    public static readonly TimeSpan BaseDelayLimit = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The endpoint to call instead of the real AWS one, for example <c>http://127.0.0.1:4566</c> for a local
    /// <c>moto_server</c>. Defaults to <see langword="null"/>: as the AWS SDK resolves it, the
    /// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> environment variable (<c>AWS_ENDPOINT_URL_KINESIS</c>,
    /// <c>AWS_ENDPOINT_URL_SNS</c>, <c>AWS_ENDPOINT_URL_DYNAMODB</c>), then <c>AWS_ENDPOINT_URL</c>, then the regional
    /// AWS endpoint of each service in <see cref="Region"/> (<c>https://kinesis.us-east-1.amazonaws.com</c>, ...).
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// The AWS region requests are signed for and, without <see cref="ServiceUrl"/>, sent to.
    /// Defaults to the <c>AWS_REGION</c> environment variable, then <c>AWS_DEFAULT_REGION</c>, then
    /// <see cref="FallbackRegion"/> (<c>us-east-1</c>).
    /// </summary>
    public string Region { get; set; } = RegionFromEnvironment();

    /// <summary>
    /// How many times a request is retried after a network error, an HTTP 5xx answer or a throttling error
    /// before the error is thrown. Defaults to <see cref="DefaultMaxRetries"/> (5); 0 turns retries off.
    /// </summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>
    /// The delay before the first retry; each further retry doubles it, with jitter.
    /// Defaults to <see cref="DefaultBaseDelay"/> (200 ms).
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

    /// <summary>
    /// These settings as the AWS SDK's <see cref="AWSOptions"/> (region and endpoint override), which the process
    /// registers for every SDK client (<c>AddDefaultAWSOptions</c>).
    /// </summary>
    public AWSOptions ToSdkOptions()
    {
        var options = new AWSOptions { Region = RegionEndpoint.GetBySystemName(Region) };
        if (ServiceUrl is not null)
        {
            options.DefaultClientConfig.ServiceURL = ServiceUrl;
        }
        return options;
    }

    private static string RegionFromEnvironment()
    {
        var region = Environment.GetEnvironmentVariable("AWS_REGION");
        if (string.IsNullOrWhiteSpace(region))
        {
            region = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        }
        return string.IsNullOrWhiteSpace(region) ? FallbackRegion : region.Trim();
    }
}
