using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Actors.Aws;

/// <summary>Reads the error code and message of an AWS JSON 1.1 protocol error answer (Kinesis).</summary>
internal static class AwsJsonErrorReader
{
    /// <summary>
    /// Reads <c>__type</c> and <c>message</c> from the body, or the <c>x-amzn-ErrorType</c> header; an answer with
    /// neither (an HTML page from a proxy, say) gets the code <c>Http&lt;status&gt;</c> and the start of the body as message.
    /// </summary>
    public static AwsErrorDetail Read(HttpStatusCode status, HttpResponseHeaders headers, byte[] body)
    {
        string? code = null;
        string? message = null;
        try
        {
            var error = JsonSerializer.Deserialize(body, AwsJsonErrorContext.Default.AwsJsonError);
            code = error?.Type ?? error?.Code;
            message = error?.Message ?? error?.CapitalizedMessage;
        }
        catch (JsonException)
        {
            message = AwsErrorText.Excerpt(Encoding.UTF8.GetString(body));
        }
        if (string.IsNullOrEmpty(code) && headers.TryGetValues("x-amzn-ErrorType", out var values))
        {
            code = values.FirstOrDefault();
        }
        return new AwsErrorDetail(AwsErrorText.NormalizeCode(code, status), message ?? string.Empty);
    }
}
