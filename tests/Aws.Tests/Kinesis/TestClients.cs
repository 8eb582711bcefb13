using Actors.Aws.Kinesis;
using Actors.Aws.Sns;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Aws.Tests.Kinesis;

/// <summary>Builds clients against a given endpoint with short retry delays.</summary>
public static class TestClients
{
    public static AwsOptions Options(Uri serviceUrl, int maxRetries = 2) => new()
    {
        ServiceUrl = serviceUrl.ToString(),
        Region = "us-east-1",
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(10),
    };

    public static KinesisClient Kinesis(Uri serviceUrl, HttpMessageHandler handler, int maxRetries = 2) =>
        new(new HttpClient(handler), Microsoft.Extensions.Options.Options.Create(Options(serviceUrl, maxRetries)), NullLogger<KinesisClient>.Instance);

    public static SnsClient Sns(Uri serviceUrl, HttpMessageHandler handler, int maxRetries = 2) =>
        new(new HttpClient(handler), Microsoft.Extensions.Options.Options.Create(Options(serviceUrl, maxRetries)), NullLogger<SnsClient>.Instance);

    public static KinesisPutter Putter(IKinesisClient client, int maxRetries = 2) =>
        new(client, Microsoft.Extensions.Options.Options.Create(new AwsOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(5) }), NullLogger<KinesisPutter>.Instance);
}
