namespace OrderHub.Inventory.Domain;

/// <summary>Reason codes of a stock adjustment.</summary>
public enum AdjustmentReason
{
    Correction,
    CycleCount,
    Damaged,
    Shrinkage,
    Found,
}
