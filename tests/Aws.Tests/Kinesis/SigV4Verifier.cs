using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Actors.Aws.Tests.Kinesis;

/// <summary>
/// Recomputes the SigV4 signature of a request as it arrived on the wire, independently of the SDK, so a test
/// fails if what was signed differs from what was sent (moto does not check signatures).
/// </summary>
public static partial class SigV4Verifier
{
    public static void Verify(ReceivedRequest request, string secretKey, string region, string service)
    {
        var authorization = AuthorizationPattern().Match(request.Header("Authorization"));
        if (!authorization.Success)
        {
            throw new InvalidOperationException($"Not a SigV4 Authorization header: '{request.Header("Authorization")}'.");
        }
        var date = authorization.Groups["date"].Value;
        var scope = $"{date}/{region}/{service}/aws4_request";
        if (authorization.Groups["scope"].Value != scope)
        {
            throw new InvalidOperationException($"Signed for scope {authorization.Groups["scope"].Value}, expected {scope}.");
        }
        var signedHeaders = authorization.Groups["headers"].Value.Split(';');
        var canonicalHeaders = string.Concat(signedHeaders.Select(name => $"{name}:{request.Header(name).Trim()}\n"));
        var bodyHash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body)));
        var canonicalRequest = $"{request.Method}\n{request.Path}\n\n{canonicalHeaders}\n{string.Join(';', signedHeaders)}\n{bodyHash}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{request.Header("X-Amz-Date")}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        if (expected != authorization.Groups["signature"].Value)
        {
            throw new InvalidOperationException($"Signature {authorization.Groups["signature"].Value} does not match the request as sent (expected {expected}). Canonical request:\n{canonicalRequest}");
        }
        if (request.Header("X-Amz-Content-SHA256") is { Length: > 0 } declared && declared != bodyHash)
        {
            throw new InvalidOperationException($"X-Amz-Content-SHA256 {declared} is not the hash of the body sent ({bodyHash}).");
        }
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=[^/]+/(?<scope>(?<date>\d{8})/[^,]+), SignedHeaders=(?<headers>[^,]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
