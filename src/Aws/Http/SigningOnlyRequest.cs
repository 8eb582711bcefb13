using Amazon.Runtime;

namespace Actors.Aws;

/// <summary>
/// The SDK's <see cref="Amazon.Runtime.Internal.DefaultRequest"/> wants an original request object; the
/// project's clients have none, so this empty one stands in.
/// </summary>
internal sealed class SigningOnlyRequest : AmazonWebServiceRequest
{
}
