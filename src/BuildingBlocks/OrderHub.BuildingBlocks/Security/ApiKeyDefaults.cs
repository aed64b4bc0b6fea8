namespace OrderHub.BuildingBlocks.Security;

/// <summary>
/// The API-key scheme's public names: routes that accept another scheme next to it name it, and the rate limiter
/// counts requests per key.
/// </summary>
public static class ApiKeyDefaults
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
}
