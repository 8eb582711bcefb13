using System.Security.Cryptography;
using System.Text;

namespace Actors.Hosting.Admin;

/// <summary>Creating and comparing admin secrets.</summary>
public static class AdminSecret
{
    /// <summary>A new random secret (256 bits, hex), e.g. for a silo that lives only as long as one process.</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Whether <paramref name="presented"/> equals <paramref name="expected"/>, in time independent of where they differ
    /// and of their lengths (both are hashed to a fixed length first).
    /// </summary>
    public static bool Matches(string expected, string? presented)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (presented is null)
        {
            return false;
        }
        var expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return CryptographicOperations.FixedTimeEquals(expectedHash, presentedHash);
    }
}
