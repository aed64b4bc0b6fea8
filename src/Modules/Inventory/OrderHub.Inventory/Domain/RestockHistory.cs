using OrderHub.Inventory.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Domain;

/// <summary>
/// What became of a SKU's returned units once inspected, read from the ledger: every inspected unit leaves the
/// Returns location by a putaway (PutawayIn, its reason the purpose), and the Restock ones become sellable again.
/// </summary>
internal readonly record struct RestockHistory(int Inspected, int Restocked)
{
    public static readonly string RestockReason = nameof(PutawayPurpose.Restock);

    public static bool IsInspection(StockMovement movement) => movement.Type == MovementType.PutawayIn;

    /// <summary>Adds the movements of a change not yet saved.</summary>
    public RestockHistory Plus(IEnumerable<StockMovement> movements)
    {
        var inspected = movements.Where(IsInspection).ToList();
        return new RestockHistory(
            Inspected + inspected.Sum(m => m.Quantity),
            Restocked + inspected.Where(m => m.Reason == RestockReason).Sum(m => m.Quantity));
    }

    /// <summary>
    /// How many of <paramref name="inbound"/> units on their way back will be sellable again, at this SKU's restock rate,
    /// rounded down. With no inspected unit yet the prior is that all of them will be (rate 1), which is what
    /// <c>inboundReturns</c> already promises.
    /// </summary>
    public int ExpectedFrom(int inbound) =>
        Inspected == 0 ? inbound : (int)((long)inbound * Restocked / Inspected);
}
