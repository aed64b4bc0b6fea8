using System.Security.Cryptography;
using System.Text;
using OrderHub.Platform.Domain;

namespace OrderHub.Platform.ApiKeyAuthentication;

/// <summary>The bootstrap admin key in force for this process (configured, or generated in Development).</summary>
internal sealed class BootstrapAdminKey(string? secret)
{
    public const string KeyName = "bootstrap-admin";

    private readonly string? _hash = string.IsNullOrEmpty(secret) ? null : ApiKey.HashOf(secret);

    public bool Matches(string presentedHash) =>
        _hash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_hash), Encoding.ASCII.GetBytes(presentedHash));
}
