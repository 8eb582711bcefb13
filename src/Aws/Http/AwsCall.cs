namespace Actors.Aws;

/// <summary>One AWS API call before signing: always <c>POST /</c> on the service endpoint.</summary>
/// <param name="Operation">The API operation, for logs and errors (<c>PutRecords</c>, <c>Publish</c>).</param>
/// <param name="ContentType">The body's content type, which is signed.</param>
/// <param name="Body">The request body.</param>
/// <param name="Headers">Further headers to sign and send, such as <c>X-Amz-Target</c>.</param>
internal sealed record AwsCall(
    string Operation,
    string ContentType,
    byte[] Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers);
