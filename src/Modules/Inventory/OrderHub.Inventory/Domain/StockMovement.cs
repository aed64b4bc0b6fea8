using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Domain;

/// <summary>
/// One row of the append-only stock ledger. <see cref="Quantity"/> is the change of on-hand and
/// <see cref="ReservedDelta"/> the change of reserved in the location: per location their sums are the
/// location's on-hand and reserved, and per reference the reserved sum is what the reference still holds.
/// </summary>
internal sealed class StockMovement
{
    private StockMovement()
    {
    }

    /// <summary>Ascending in commit order within a SKU (SKU writes are serialised), so it orders "newest first".</summary>
    public long Id { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public string LocationCode { get; private set; } = string.Empty;

    public MovementType Type { get; private set; }

    public int Quantity { get; private set; }

    public int ReservedDelta { get; private set; }

    public string? Reason { get; private set; }

    public string? Reference { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public DateTime OccurredAt { get; private set; }

    public static StockMovement Record(string sku, string locationCode, MovementType type, int quantity, int reservedDelta, string? reason, string? reference, string actor, DateTime occurredAt) => new()
    {
        Sku = sku,
        LocationCode = locationCode,
        Type = type,
        Quantity = quantity,
        ReservedDelta = reservedDelta,
        Reason = reason,
        Reference = reference,
        Actor = actor,
        OccurredAt = occurredAt,
    };
}
