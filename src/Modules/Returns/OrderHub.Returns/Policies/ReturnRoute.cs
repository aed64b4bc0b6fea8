namespace OrderHub.Returns.Policies;

/// <summary>Where a return's parcel goes (null: nowhere known yet) and why, in plain words.</summary>
internal sealed record ReturnRoute(string? WarehouseCode, string Reason);
