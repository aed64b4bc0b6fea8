using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>Makes return-page tokens as the app does (ADR 0018), for links the app never sent: unknown returns, other keys.</summary>
public static class ReturnLinkTokens
{
    public static string Sign(byte[] key, string rmaNumber, DateTimeOffset expiresAt)
    {
        var token = new byte[40];
        BinaryPrimitives.WriteInt64BigEndian(token, expiresAt.ToUnixTimeSeconds());
        var message = Encoding.UTF8.GetBytes($"return-page\n{rmaNumber}\n").Concat(token[..8]).ToArray();
        HMACSHA256.HashData(key, message).CopyTo(token, 8);
        return Base64Url.EncodeToString(token);
    }
}
