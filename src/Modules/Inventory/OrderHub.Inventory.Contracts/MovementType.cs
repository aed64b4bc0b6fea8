namespace OrderHub.Inventory.Contracts;

/// <summary>What a ledger movement records.</summary>
public enum MovementType
{
    Receipt,
    Adjustment,
    TransferOut,
    TransferIn,
    Reservation,
    Release,
    Shipment,
    ReturnReceipt,
    PutawayOut,
    PutawayIn,
}
