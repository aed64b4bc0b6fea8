namespace OrderHub.Platform.ApiKeyAuthentication;

/// <summary>Bound from <c>OrderHub:Security</c>.</summary>
internal sealed class SecurityOptions
{
    public const string SectionName = "OrderHub:Security";

    /// <summary>The first admin key; issue further keys through <c>POST /api/v1/api-keys</c> with it.</summary>
    public string? BootstrapAdminKey { get; set; }
}
