using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Actors.Aws;

/// <summary>
/// The smallest <see cref="ClientConfig"/> the SDK's <see cref="Amazon.Runtime.Internal.Auth.AWS4Signer"/> and
/// <see cref="Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver"/> need: the service name and region
/// to sign for. Endpoints are resolved by <see cref="AwsRequestSender"/>, never through this object.
/// </summary>
internal sealed class AwsSigningConfig : ClientConfig
{
    private readonly string _service;

    /// <summary>Creates the configuration for signing requests to <paramref name="service"/> in <paramref name="region"/>.</summary>
    public AwsSigningConfig(string service, string region)
        : base(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
    {
        _service = service;
        AuthenticationServiceName = service;
        AuthenticationRegion = region;
        RegionEndpoint = RegionEndpoint.GetBySystemName(region);
    }

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
