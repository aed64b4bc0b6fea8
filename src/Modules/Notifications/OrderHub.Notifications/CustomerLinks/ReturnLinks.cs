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

/// <summary>
/// Where customers reach this service, <c>OrderHub:PublicBaseUrl</c> without a trailing slash; the default is
/// the address of <c>dotnet run</c>.
/// </summary>
internal sealed record PublicSite(string BaseUrl)
{
    public const string ConfigurationKey = "OrderHub:PublicBaseUrl";
    public const string Default = "http://localhost:5080";

    public static PublicSite From(string? configured)
    {
        var value = string.IsNullOrWhiteSpace(configured) ? Default : configured.Trim();
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be an absolute http or https URL without query, such as https://shop.example; it is '{value}'.");
        }

        return new PublicSite(value.TrimEnd('/'));
    }
}
