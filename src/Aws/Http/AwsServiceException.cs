using System.Net;

namespace Actors.Aws;

/// <summary>
/// A call of one of the project's AWS clients (Kinesis, SNS) failed for good: the service answered with an error
/// (after retries, for throttling and 5xx), could not be reached (<see cref="AwsErrorCodes.TransportError"/>), no
/// credentials were found (<see cref="AwsErrorCodes.CredentialsError"/>), or its answer could not be read
/// (<see cref="AwsErrorCodes.MalformedResponse"/>). A cause other than the service's answer is the inner exception.
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="service">The service called: <c>kinesis</c>, <c>sns</c>.</param>
    /// <param name="errorCode">The AWS error code, or one of the codes in <see cref="AwsErrorCodes"/>.</param>
    /// <param name="message">What failed and why.</param>
    /// <param name="innerException">The cause.</param>
    /// <param name="statusCode">The HTTP status of the service's answer, if it answered.</param>
    /// <param name="requestId">The AWS request ID, if the service gave one.</param>
    public AwsServiceException(string service, string errorCode, string message, Exception? innerException = null, HttpStatusCode? statusCode = null, string? requestId = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        Service = service;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>The service called: <c>kinesis</c>, <c>sns</c>.</summary>
    public string Service { get; }

    /// <summary>The AWS error code, such as <c>ResourceNotFoundException</c> or <c>NotFound</c>, or one of the codes in <see cref="AwsErrorCodes"/>.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the service's last answer; <see langword="null"/> if it never answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The AWS request ID of the last answer, for AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>Whether the call was throttled (throughput or rate limits): slow down and try later.</summary>
    public bool IsThrottling => AwsErrorCodes.IsThrottling(ErrorCode);

    /// <summary>Whether another attempt may succeed: a 5xx answer or throttling.</summary>
    public bool IsTransient => (int?)StatusCode >= 500 || IsThrottling;

    /// <summary>Whether a Kinesis shard iterator has expired: get a new one from the last sequence number read.</summary>
    public bool IsExpiredIterator => ErrorCode == AwsErrorCodes.ExpiredIterator;

    /// <summary>Whether a Kinesis stream or shard does not exist.</summary>
    public bool IsResourceNotFound => ErrorCode == AwsErrorCodes.ResourceNotFound;
}
