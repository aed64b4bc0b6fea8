namespace OrderHub.BuildingBlocks.Security;

/// <summary>Bound from <c>OrderHub:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "OrderHub:Security";

    /// <summary>The first admin key; issue further keys through <c>POST /api/v1/api-keys</c> with it.</summary>
    public string? BootstrapAdminKey { get; set; }
}

/// <summary>The bootstrap admin key in force for this process (configured, or generated in Development).</summary>
public sealed class BootstrapAdminKey(string? secret)
{
    public const string KeyName = "bootstrap-admin";

    private readonly string? _hash = string.IsNullOrEmpty(secret) ? null : ApiKey.HashOf(secret);

    public bool Matches(string presentedHash) =>
        _hash is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(_hash), System.Text.Encoding.ASCII.GetBytes(presentedHash));
}
