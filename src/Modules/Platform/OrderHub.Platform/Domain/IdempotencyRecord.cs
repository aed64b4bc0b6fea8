namespace OrderHub.Platform.Domain;

/// <summary>The first answer given to a POST with a given Idempotency-Key, per API key.</summary>
internal sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public string Scope { get; private set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    /// <summary>SHA-256 of method, route and body: a different request under the same key is refused.</summary>
    public string RequestHash { get; private set; } = string.Empty;

    public IdempotencyStatus Status { get; private set; }

    public int? ResponseStatus { get; private set; }

    public string? ResponseBody { get; private set; }

    public string? ResponseLocation { get; private set; }

    /// <summary>The answer's <c>ETag</c> header, if it had one: a replay carries it too, for the client's next If-Match.</summary>
    public string? ResponseETag { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    internal static IdempotencyRecord Start(string scope, string key, string requestHash, DateTime now, TimeSpan retention) => new()
    {
        Scope = scope,
        Key = key,
        RequestHash = requestHash,
        Status = IdempotencyStatus.InProgress,
        CreatedAt = now,
        ExpiresAt = now + retention,
    };

    /// <summary>Records the answer of the request that claimed the key.</summary>
    internal void Complete(int status, string body, string? location, string? etag)
    {
        Status = IdempotencyStatus.Completed;
        ResponseStatus = status;
        ResponseBody = body;
        ResponseLocation = location;
        ResponseETag = etag;
    }

    internal static IdempotencyRecord Refused(string scope, string key, string requestHash, int status, string body, DateTime now, TimeSpan retention) => new()
    {
        Scope = scope,
        Key = key,
        RequestHash = requestHash,
        Status = IdempotencyStatus.Completed,
        ResponseStatus = status,
        ResponseBody = body,
        CreatedAt = now,
        ExpiresAt = now + retention,
    };
}
