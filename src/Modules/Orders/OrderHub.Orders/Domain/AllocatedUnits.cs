namespace OrderHub.Orders.Domain;

/// <summary>Units of a SKU in one location of one warehouse: what was allocated, shipped or released there.</summary>
internal sealed record AllocatedUnits(string Sku, string WarehouseCode, string LocationCode, int Quantity);
