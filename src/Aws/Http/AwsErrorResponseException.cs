using System.Net;

namespace Actors.Aws;

/// <summary>
/// An error answer from an AWS service, raised inside the retry pipeline; the clients wrap it, as the inner
/// exception, in their own exception type once retries are over.
/// </summary>
internal sealed class AwsErrorResponseException : Exception
{
    /// <summary>Creates the exception for one error answer.</summary>
    public AwsErrorResponseException(string service, string operation, HttpStatusCode statusCode, AwsErrorDetail error, string? requestId)
        : base($"{service} {operation} failed with HTTP {(int)statusCode} {error.Code}: {error.Message}")
    {
        StatusCode = statusCode;
        ErrorCode = error.Code;
        ServiceMessage = error.Message;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The AWS error code.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's own message.</summary>
    public string ServiceMessage { get; }

    /// <summary>The AWS request ID, if the answer carried one.</summary>
    public string? RequestId { get; }

    /// <summary>Whether a retry may succeed: a 5xx answer or a throttling error code.</summary>
    public bool IsTransient => (int)StatusCode >= 500 || AwsErrorCodes.IsThrottling(ErrorCode);
}
