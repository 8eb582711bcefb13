using System.Text;
using Actors.Aws.Kinesis;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Actors.Aws.Tests.Kinesis;

public sealed class AwsRequestSenderTests
{
    private static AwsRequestSender Sender(Uri url, Func<AwsSigningConfig, CancellationToken, Task<ImmutableCredentials>> credentials) => new(
        "kinesis",
        new HttpClient(),
        TestClients.Options(url, maxRetries: 1),
        AwsJsonErrorReader.Read,
        NullLogger.Instance,
        credentials);

    private static AwsCall Call() => new("ListStreams", "application/x-amz-json-1.1", Encoding.UTF8.GetBytes("{}"), [new("X-Amz-Target", "Kinesis_20131202.ListStreams")]);

    [Fact]
    public async Task Temporary_credentials_send_their_session_token_as_a_signed_header()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Json(200, "{}"));
        var sender = Sender(endpoint.Url, (_, _) => Task.FromResult(new ImmutableCredentials("ASIAEXAMPLE", "task-role-secret", "session-token-123")));

        await sender.SendAsync(Call(), CancellationToken.None);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("session-token-123", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", request.Header("Authorization"));
        Assert.Contains("Credential=ASIAEXAMPLE/", request.Header("Authorization"));
        SigV4Verifier.Verify(request, "task-role-secret", "us-east-1", "kinesis");
    }

    [Fact]
    public async Task Missing_credentials_surface_as_the_clients_exception_with_the_cause_inside_and_nothing_sent()
    {
        await using var endpoint = new ScriptedAwsEndpoint(ScriptedAnswer.Json(200, "{}"));
        var cause = new AmazonClientException("No credentials in the chain");
        var sender = Sender(endpoint.Url, (_, _) => Task.FromException<ImmutableCredentials>(cause));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => sender.SendAsync(Call(), CancellationToken.None));

        Assert.Equal(AwsErrorCodes.CredentialsError, error.ErrorCode);
        Assert.Same(cause, error.InnerException);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public void Without_a_service_url_the_regional_AWS_endpoint_is_used()
    {
        var sender = new AwsRequestSender(
            "sns",
            new HttpClient(),
            new AwsOptions { Region = "eu-central-1" },
            AwsJsonErrorReader.Read,
            NullLogger.Instance);

        Assert.Equal(new Uri("https://sns.eu-central-1.amazonaws.com/"), sender.Endpoint);
    }
}
