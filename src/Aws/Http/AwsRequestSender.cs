using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Actors.Aws;

/// <summary>
/// Sends one AWS API call: resolves credentials through the SDK's default chain, signs the request with the SDK's
/// SigV4 signer for one service, and retries network errors, HTTP 5xx answers and throttling errors with
/// exponential backoff and jitter. A call that fails for good is thrown as an <see cref="AwsServiceException"/>: the
/// service's last error answer, or the network or credentials failure as its inner exception.
/// </summary>
internal sealed partial class AwsRequestSender
{
    private static readonly DefaultAWSCredentialsIdentityResolver CredentialsResolver = new();
    private static readonly ResiliencePropertyKey<AwsCall> CallKey = new("Actors.Aws.Call");

    private readonly string _service;
    private readonly Uri _endpoint;
    private readonly HttpClient _http;
    private readonly AwsSigningConfig _signingConfig;
    private readonly AWS4Signer _signer = new();
    private readonly Func<HttpStatusCode, HttpResponseHeaders, byte[], AwsErrorDetail> _readError;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;
    private readonly Func<AwsSigningConfig, CancellationToken, Task<ImmutableCredentials>> _credentials;

    /// <summary>Creates a sender for one service.</summary>
    /// <param name="service">The SigV4 service name and endpoint prefix: <c>kinesis</c>, <c>sns</c>.</param>
    /// <param name="http">The HTTP client to send with; not disposed here.</param>
    /// <param name="options">Endpoint, region and retry settings; validated here.</param>
    /// <param name="readError">Reads code and message from an error answer of the service's protocol.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="credentials">Where credentials come from; defaults to the SDK's default credential chain.</param>
    public AwsRequestSender(
        string service,
        HttpClient http,
        AwsOptions options,
        Func<HttpStatusCode, HttpResponseHeaders, byte[], AwsErrorDetail> readError,
        ILogger logger,
        Func<AwsSigningConfig, CancellationToken, Task<ImmutableCredentials>>? credentials = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(readError);
        ArgumentNullException.ThrowIfNull(logger);
        AwsOptionsValidator.ThrowIfInvalid(options);
        _service = service;
        _http = http;
        _signingConfig = new AwsSigningConfig(service, options.Region, options.ServiceUrl);
        _endpoint = _signingConfig.Endpoint;
        _readError = readError;
        _logger = logger;
        _credentials = credentials ?? FromDefaultChainAsync;
        _pipeline = BuildPipeline(options);
    }

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Sends <paramref name="call"/> and returns the body of the successful answer.</summary>
    public async Task<byte[]> SendAsync(AwsCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var attempts = new StrongBox<int>();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (context, state) =>
                {
                    state.Attempts.Value++;
                    return state.Sender.SendOnceAsync(state.Call, context.CancellationToken);
                },
                context,
                (Sender: this, Call: call, Attempts: attempts)).ConfigureAwait(false);
        }
        catch (Exception error) when (IsTransportFailure(error, cancellationToken))
        {
            var message = $"{_service} {call.Operation} could not reach {_endpoint} in {attempts.Value} attempt(s): {error.Message}";
            throw new AwsServiceException(_service, AwsErrorCodes.TransportError, message, error);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<byte[]> SendOnceAsync(AwsCall call, CancellationToken cancellationToken)
    {
        var credentials = await ResolveCredentialsAsync(call, cancellationToken).ConfigureAwait(false);
        using var request = Sign(call, credentials);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return body;
        }
        var error = _readError(response.StatusCode, response.Headers, body);
        throw new AwsServiceException(
            _service, error.Code, $"{_service} {call.Operation} failed with HTTP {(int)response.StatusCode} {error.Code}: {error.Message}", null, response.StatusCode, RequestIdOf(response));
    }

    private HttpRequestMessage Sign(AwsCall call, ImmutableCredentials credentials)
    {
        using var signable = new DefaultRequest(new SigningOnlyRequest(), _service)
        {
            HttpMethod = "POST",
            Endpoint = _endpoint,
            ResourcePath = "/",
            Content = call.Body,
            AuthenticationRegion = _signingConfig.AuthenticationRegion,
            OverrideSigningServiceName = _service,
        };
        foreach (var (name, value) in call.Headers)
        {
            signable.Headers[name] = value;
        }
        signable.Headers["Content-Type"] = call.ContentType;
        if (credentials.UseToken)
        {
            signable.Headers["X-Amz-Security-Token"] = credentials.Token;
        }
        var signature = _signer.SignRequest(signable, _signingConfig, null, credentials.AccessKey, credentials.SecretKey);
        signable.Headers["Authorization"] = signature.ForAuthorizationHeader;

        var content = new ByteArrayContent(call.Body);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, "/")) { Content = content };
        foreach (var (name, value) in signable.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }

    private async Task<ImmutableCredentials> ResolveCredentialsAsync(AwsCall call, CancellationToken cancellationToken)
    {
        try
        {
            return await _credentials(_signingConfig, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = $"{_service} {call.Operation}: the AWS SDK's default credential chain found no usable credentials: {error.Message}";
            throw new AwsServiceException(_service, AwsErrorCodes.CredentialsError, message, error);
        }
    }

    private static async Task<ImmutableCredentials> FromDefaultChainAsync(AwsSigningConfig config, CancellationToken cancellationToken)
    {
        var identity = await CredentialsResolver.ResolveIdentityAsync(config, cancellationToken).ConfigureAwait(false);
        return await identity.GetCredentialsAsync().ConfigureAwait(false);
    }

    private ResiliencePipeline BuildPipeline(AwsOptions options)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome.Exception, args.Context.CancellationToken)),
            OnRetry = args =>
            {
                var operation = args.Context.Properties.GetValue(CallKey, null!)?.Operation ?? "?";
                LogRetrying(_logger, _service, operation, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        }.WithBackoff(options);
        return new ResiliencePipelineBuilder().AddRetry((RetryStrategyOptions)retry).Build();
    }

    private static bool IsTransient(Exception? error, CancellationToken cancellationToken) => error switch
    {
        AwsServiceException answer => answer.IsTransient,
        _ => error is not null && IsTransportFailure(error, cancellationToken),
    };

    private static bool IsTransportFailure(Exception error, CancellationToken cancellationToken) => error switch
    {
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var values) || response.Headers.TryGetValues("x-amz-request-id", out values)
            ? values.FirstOrDefault()
            : null;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Service} {Operation} failed ({Reason}); retry {Retry} in {DelayMs:0} ms")]
    private static partial void LogRetrying(ILogger logger, string service, string operation, int retry, double delayMs, string? reason);
}
