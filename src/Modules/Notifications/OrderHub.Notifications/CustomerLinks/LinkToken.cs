using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OrderHub.Notifications.CustomerLinks;

/// <summary>
/// A URL-safe token that proves a link was minted here for one subject until a given time: base64url of the
/// expiry (Unix seconds, 8 bytes big-endian) followed by the HMAC-SHA256 of purpose, subject and expiry.
/// </summary>
internal static class LinkToken
{
    private const int ExpiryLength = 8;
    private const int MacLength = 32;
    private const int TokenLength = ExpiryLength + MacLength;

    public static string Create(byte[] key, string purpose, string subject, DateTimeOffset expiresAt)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        BinaryPrimitives.WriteInt64BigEndian(token, expiresAt.ToUnixTimeSeconds());
        Mac(key, purpose, subject, token[..ExpiryLength], token[ExpiryLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>True when the token was minted with this key for this purpose and subject, and has not expired.</summary>
    public static bool IsValid(byte[] key, string purpose, string subject, string? token, DateTimeOffset now)
    {
        // Longer input cannot be a token; bounding it keeps the decode buffer on the stack.
        if (string.IsNullOrEmpty(token) || token.Length > 2 * TokenLength)
        {
            return false;
        }

        // TryDecodeFromChars throws, rather than answering false, for characters outside the alphabet.
        Span<byte> presented = stackalloc byte[2 * TokenLength];
        if (!Base64Url.IsValid(token) || !Base64Url.TryDecodeFromChars(token, presented, out var length) || length != TokenLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Mac(key, purpose, subject, presented[..ExpiryLength], expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented[ExpiryLength..TokenLength])
            && BinaryPrimitives.ReadInt64BigEndian(presented) > now.ToUnixTimeSeconds();
    }

    private static void Mac(byte[] key, string purpose, string subject, ReadOnlySpan<byte> expiry, Span<byte> destination)
    {
        // Each kind of link has its own constant purpose and the expiry has a fixed length, so the signed bytes
        // determine the subject: a token for one return never fits another.
        var text = Encoding.UTF8.GetBytes($"{purpose}\n{subject}\n");
        var message = new byte[text.Length + expiry.Length];
        text.CopyTo(message, 0);
        expiry.CopyTo(message.AsSpan(text.Length));
        HMACSHA256.HashData(key, message, destination);
    }
}
