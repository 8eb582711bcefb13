using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Actors.Aws;

/// <summary>
/// The smallest <see cref="ClientConfig"/> the SDK's <see cref="Amazon.Runtime.Internal.Auth.AWS4Signer"/> and
/// <see cref="Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver"/> need: the service name and region
/// to sign for, and the endpoint the SDK's rules give (<see cref="Endpoint"/>).
/// </summary>
internal sealed class AwsSigningConfig : ClientConfig
{
    private readonly string _service;

    /// <summary>Creates the configuration for signing requests to <paramref name="service"/> in <paramref name="region"/>.</summary>
    /// <param name="service">The SigV4 service name, endpoint prefix and SDK service ID: <c>kinesis</c>, <c>sns</c>.</param>
    /// <param name="region">The region to sign for.</param>
    /// <param name="serviceUrl">The configured endpoint override, if any.</param>
    public AwsSigningConfig(string service, string region, string? serviceUrl)
        : base(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
    {
        _service = service;
        ServiceId = service;
        AuthenticationServiceName = service;
        AuthenticationRegion = region;
        RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        if (serviceUrl is not null)
        {
            ServiceURL = serviceUrl;
        }
    }

    /// <summary>
    /// Where requests go, by the AWS SDK's rules: the configured endpoint override, else the
    /// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> and <c>AWS_ENDPOINT_URL</c> environment variables (unless
    /// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c>), else the service's regional endpoint.
    /// </summary>
    public Uri Endpoint => ServiceURL is { } url
        ? new Uri(url, UriKind.Absolute)
        : new Uri($"https://{_service}.{AuthenticationRegion}.{(AuthenticationRegion.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com")}/");

    /// <inheritdoc />
    public override string RegionEndpointServiceName => _service;

    /// <inheritdoc />
    public override string ServiceVersion => "actors";

    /// <inheritdoc />
    public override string UserAgent => "actors-aws";

    /// <inheritdoc />
    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        throw new NotSupportedException("Endpoints are resolved by AwsRequestSender, not by the SDK.");
}
