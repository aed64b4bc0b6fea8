using System.Security.Cryptography;
using System.Text;

namespace OrderHub.Platform.Domain;

/// <summary>An issued API key. Only the SHA-256 hash of the secret is stored.</summary>
internal sealed class ApiKey
{
    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string Role { get; private set; } = string.Empty;

    public string? Storefront { get; private set; }

    /// <summary>First characters of the key, shown in lists so people can tell keys apart.</summary>
    public string Prefix { get; private set; } = string.Empty;

    public string Hash { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public static (ApiKey Key, string Secret) Issue(string name, string role, string? storefront, DateTime now)
    {
        var secret = "ohk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Role = role,
            Storefront = storefront,
            Prefix = secret[..10],
            Hash = HashOf(secret),
            CreatedAt = now,
        };
        return (key, secret);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    /// <summary>Keys are 192 random bits, so a fast hash is enough: there is nothing to brute-force.</summary>
    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
