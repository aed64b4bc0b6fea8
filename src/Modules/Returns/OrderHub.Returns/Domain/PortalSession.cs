using System.Security.Cryptography;
using System.Text;

namespace OrderHub.Returns.Domain;

/// <summary>A customer's self-service session, opened from one of their orders; only the token's hash is stored.</summary>
internal sealed class PortalSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private PortalSession()
    {
    }

    public string TokenHash { get; private set; } = string.Empty;

    public Guid OrderId { get; private set; }

    public string Email { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public static (PortalSession Session, string Token) Open(Guid orderId, string email, DateTime now)
    {
        var token = "ohp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new PortalSession { TokenHash = HashOf(token), OrderId = orderId, Email = email, CreatedAt = now, ExpiresAt = now + Lifetime }, token);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
