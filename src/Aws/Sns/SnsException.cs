using System.Net;

namespace Actors.Aws.Sns;

/// <summary>
/// An SNS call failed for good: the service answered with an error (after retries, for throttling and 5xx),
/// the service could not be reached (<see cref="AwsErrorCodes.TransportError"/>), or no credentials were found.
/// The cause is kept as the inner exception.
/// </summary>
public sealed class SnsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The AWS error code, or one of the codes in <see cref="AwsErrorCodes"/>.</param>
    /// <param name="message">What failed and why.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="statusCode">The HTTP status of the service's answer, if it answered.</param>
    /// <param name="requestId">The AWS request ID, if the service gave one.</param>
    public SnsException(string code, string message, Exception? innerException = null, HttpStatusCode? statusCode = null, string? requestId = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The AWS error code, such as <c>NotFound</c> or <c>InvalidParameter</c>, or one of the codes in <see cref="AwsErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The HTTP status of the service's last answer; <see langword="null"/> if it never answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The AWS request ID of the last answer, for AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>Whether the call was throttled and retries ran out: slow down and try later.</summary>
    public bool IsThrottling => AwsErrorCodes.IsThrottling(Code);

    /// <summary>Whether the topic, subscription or endpoint does not exist.</summary>
    public bool IsNotFound => Code == AwsErrorCodes.NotFound;
}
