namespace OrderHub.Platform.Domain;

internal enum IdempotencyStatus
{
    /// <summary>Claimed by a request whose transaction has not committed; never seen committed.</summary>
    InProgress,
    Completed,
}
