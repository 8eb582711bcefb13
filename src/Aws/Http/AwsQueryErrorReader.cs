using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Text;

namespace Actors.Aws;

/// <summary>Reads the error code and message of an AWS Query protocol error answer (SNS).</summary>
internal static class AwsQueryErrorReader
{
    /// <summary>
    /// Reads <c>Error/Code</c> and <c>Error/Message</c> from the XML body; an answer without them gets the code
    /// <c>Http&lt;status&gt;</c>.
    /// </summary>
    public static AwsErrorDetail Read(HttpStatusCode status, byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            var document = XDocument.Load(stream);
            var error = document.Descendants().FirstOrDefault(element => element.Name.LocalName == "Error");
            var code = error?.Elements().FirstOrDefault(element => element.Name.LocalName == "Code")?.Value;
            var message = error?.Elements().FirstOrDefault(element => element.Name.LocalName == "Message")?.Value;
            return new AwsErrorDetail(AwsErrorText.NormalizeCode(code, status), message ?? string.Empty);
        }
        catch (XmlException)
        {
            return new AwsErrorDetail(AwsErrorText.NormalizeCode(null, status), AwsErrorText.Excerpt(Encoding.UTF8.GetString(body)));
        }
    }
}
