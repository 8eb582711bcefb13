using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Hosting.Admin;

/// <summary>Creating and comparing admin secrets.</summary>
public static class AdminSecret
{
    private const int StackBytes = 256;

    /// <summary>A new random secret (256 bits, hex), e.g. for a silo that lives only as long as one process.</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Whether <paramref name="presented"/> equals <paramref name="expected"/>, in time independent of where they differ
    /// and of their lengths (both are hashed to a fixed length first). Allocates nothing: the data-plane filters ask on
    /// every grain call.
    /// </summary>
    public static bool Matches(string expected, string? presented)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (presented is null)
        {
            return false;
        }
        Span<byte> expectedHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        HashUtf8(expected, expectedHash);
        HashUtf8(presented, presentedHash);
        return CryptographicOperations.FixedTimeEquals(expectedHash, presentedHash);
    }

    /// <summary>The SHA-256 of <paramref name="text"/> in UTF-8; a long text is encoded into a pooled buffer, cleared after.</summary>
    private static void HashUtf8(string text, Span<byte> hash)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        var written = Encoding.UTF8.GetBytes(text, utf8);
        SHA256.HashData(utf8[..written], hash);
        CryptographicOperations.ZeroMemory(utf8[..written]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
