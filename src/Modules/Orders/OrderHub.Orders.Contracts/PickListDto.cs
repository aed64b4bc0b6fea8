namespace OrderHub.Orders.Contracts;

/// <summary>A pick list: its lines in walk order (by location code) with what is picked and what remains.</summary>
public sealed record PickListDto(
    Guid Id,
    string WarehouseCode,
    PickListStatus Status,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    int RemainingUnits,
    IReadOnlyList<PickListLineDto> Lines);

/// <summary>
/// Units of one order line to pick at one location. <c>remaining</c> is what is still to pick; it is 0 once the line is
/// picked, or when the order's units there shipped, were short-shipped or cancelled (<c>ended</c>).
/// </summary>
public sealed record PickListLineDto(
    Guid OrderId,
    Guid OrderLineId,
    string Sku,
    string LocationCode,
    int Quantity,
    int PickedQuantity,
    int Remaining,
    bool Ended);

/// <summary>
/// What a scan picked and what is left to pick on the list, in walk order. <c>repeated</c> is true when the scan was an
/// RFID tag this list had already picked: nothing more was picked, and <c>picked</c> is the line it picked then.
/// </summary>
public sealed record PickScanResultDto(
    Guid PickListId,
    PickListStatus Status,
    PickListLineDto Picked,
    int RemainingUnits,
    IReadOnlyList<PickListLineDto> Remaining,
    bool Repeated = false);
