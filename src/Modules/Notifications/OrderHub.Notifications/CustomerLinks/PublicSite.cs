namespace OrderHub.Notifications.CustomerLinks;

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
