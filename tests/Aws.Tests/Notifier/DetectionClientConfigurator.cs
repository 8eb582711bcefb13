using Actors.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Actors.Aws.Tests.Notifier;

/// <summary>The test cluster's client serializes exceptions as the ingestor's and the admin client's do.</summary>
public sealed class DetectionClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.Services.AddDetectionExceptionSerialization();
}
