namespace OrderHub.BuildingBlocks.Web;

/// <summary>The headers of <c>Idempotency-Key</c> handling (ADR 0015).</summary>
public static class IdempotencyHeaders
{
    /// <summary>Sent by the client on a creating POST to make it safe to retry.</summary>
    public const string Key = "Idempotency-Key";

    /// <summary>Set to <c>true</c> on an answer replayed from the first request with the same key.</summary>
    public const string Replayed = "Idempotent-Replayed";
}
