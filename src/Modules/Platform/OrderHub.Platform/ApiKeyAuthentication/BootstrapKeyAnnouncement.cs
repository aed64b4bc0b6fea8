namespace OrderHub.Platform.ApiKeyAuthentication;

/// <summary>What to say at startup about the bootstrap admin key.</summary>
internal sealed record BootstrapKeyAnnouncement(string? GeneratedKey, bool NoneConfigured);
