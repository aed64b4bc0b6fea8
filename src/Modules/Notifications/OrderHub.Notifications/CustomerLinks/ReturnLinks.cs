namespace OrderHub.Notifications.CustomerLinks;

/// <summary>
/// Links to a return's customer page, <c>{PublicBaseUrl}/returns/{rmaNumber}?t={token}</c>: absolute, outside
/// <c>/api</c>, and opened by the signed, expiring token alone, so a customer needs no key or session.
/// </summary>
internal sealed class ReturnLinks(LinkSigningKey key, PublicSite site, NotificationOptions options, TimeProvider clock)
{
    public const string TokenParameter = "t";
    private const string Purpose = "return-page";

    public async Task<string> UrlForAsync(string rmaNumber, CancellationToken cancellationToken)
    {
        var token = LinkToken.Create(await key.GetAsync(cancellationToken), Purpose, rmaNumber, clock.GetUtcNow() + options.ReturnLinkLifetime);
        return $"{site.BaseUrl}/returns/{Uri.EscapeDataString(rmaNumber)}?{TokenParameter}={token}";
    }

    public async Task<bool> OpensAsync(string rmaNumber, string? token, CancellationToken cancellationToken) =>
        LinkToken.IsValid(await key.GetAsync(cancellationToken), Purpose, rmaNumber, token, clock.GetUtcNow());
}
