namespace OrderHub.Platform.Idempotency;

internal enum IdempotencyOutcome
{
    /// <summary>This request owns the key and must run.</summary>
    Started,

    /// <summary>The key has a recorded answer for the same request.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>Another request with the same key is still running and did not finish in time.</summary>
    InProgress,
}
