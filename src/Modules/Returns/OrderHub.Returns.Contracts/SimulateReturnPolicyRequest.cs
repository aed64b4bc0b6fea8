namespace OrderHub.Returns.Contracts;

/// <summary>
/// The body of <c>POST /api/v1/return-policy/simulations</c>: a candidate policy document, read exactly as
/// <c>PUT /api/v1/return-policy</c> reads it (a field left out keeps the value of the version in force), and how
/// many days of returns to replay under it.
/// </summary>
public sealed class SimulateReturnPolicyRequest : UpdateReturnPolicyRequest
{
    public const int DefaultDays = 90;

    public const int MaxDays = 730;

    /// <summary>Replay the returns requested in the last this many days (1 to 730, default 90).</summary>
    public int? Days { get; init; }
}
