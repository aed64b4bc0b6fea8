namespace OrderHub.BuildingBlocks.Security;

/// <summary>
/// The back-office pages' cookie session (signed in with an API key). Named here so the few API routes a page's
/// script reads, such as the stock stream that EventSource cannot send a header to, can accept it next to the key.
/// </summary>
public static class BackofficeDefaults
{
    public const string SchemeName = "Backoffice";

    /// <summary>The API-key header, or else the back-office session.</summary>
    public const string ApiKeyOrSession = ApiKeyDefaults.SchemeName + "," + SchemeName;
}
