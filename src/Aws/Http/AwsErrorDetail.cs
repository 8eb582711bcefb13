namespace Actors.Aws;

/// <summary>The error code and message read from an AWS error response.</summary>
/// <param name="Code">The AWS error code, such as <c>ResourceNotFoundException</c>.</param>
/// <param name="Message">The service's message.</param>
internal readonly record struct AwsErrorDetail(string Code, string Message);
