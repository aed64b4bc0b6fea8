namespace OrderHub.Returns.Policies;

/// <summary>What the policy needs to know about the order.</summary>
internal sealed record OrderFacts(bool Cancelled, DateTime? DeliveredAt, string? Segment, decimal OrderValue, string Currency, IReadOnlyList<LineFacts> Lines);
