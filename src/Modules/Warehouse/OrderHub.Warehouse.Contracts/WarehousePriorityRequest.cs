namespace OrderHub.Warehouse.Contracts;

/// <summary>A warehouse's rank for allocation.</summary>
/// <param name="Priority">0 to 1,000,000; lower is preferred.</param>
public sealed record WarehousePriorityRequest(int? Priority);
