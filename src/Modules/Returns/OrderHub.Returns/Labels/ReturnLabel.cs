namespace OrderHub.Returns.Labels;

/// <summary>
/// Everything printed on a return label. <paramref name="From"/> is the customer sending the
/// parcel back; <paramref name="To"/> is the return address of the warehouse receiving it.
/// </summary>
internal sealed record ReturnLabel(
    string RmaNumber,
    string OrderNumber,
    LabelAddress From,
    LabelAddress To,
    string WarehouseName,
    IReadOnlyList<LabelItem> Items,
    DateTime IssuedAt,
    DateTime? ShipBy,
    string TrackingNumber);
