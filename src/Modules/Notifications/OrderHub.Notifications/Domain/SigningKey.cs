using System.Security.Cryptography;

namespace OrderHub.Notifications.Domain;

/// <summary>
/// A secret for signing links, generated once per database so that every node sharing it, and every restart,
/// signs and accepts the same links.
/// </summary>
internal sealed class SigningKey
{
    public const int SecretBytes = 32;

    private SigningKey()
    {
    }

    public string Name { get; private set; } = string.Empty;

    /// <summary>Base64 of <see cref="SecretBytes"/> random bytes.</summary>
    public string Secret { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public static SigningKey Generate(string name, DateTime now) => new()
    {
        Name = name,
        Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)),
        CreatedAt = now,
    };
}
