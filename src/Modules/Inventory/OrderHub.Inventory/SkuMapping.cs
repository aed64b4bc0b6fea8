using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;

namespace OrderHub.Inventory;

internal static class SkuMapping
{
    public static SkuDto ToDto(this Sku s) => new(s.Id, s.Name, s.Category, s.Barcode, s.UnitPrice, s.Returnable, s.LowStockThreshold, s.CreatedAt);
}
