using System.Net;

namespace Actors.Aws;

/// <summary>What a client needs to build its own exception for a call that failed for good.</summary>
/// <param name="Code">The AWS error code, or one of the clients' own codes in <see cref="AwsErrorCodes"/>.</param>
/// <param name="Message">A message naming the service, the operation and the cause.</param>
/// <param name="StatusCode">The HTTP status of the last answer, if the service answered.</param>
/// <param name="RequestId">The AWS request ID of the last answer, if any.</param>
internal sealed record AwsFailure(string Code, string Message, HttpStatusCode? StatusCode, string? RequestId);
