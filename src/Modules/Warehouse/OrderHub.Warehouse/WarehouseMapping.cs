using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;

namespace OrderHub.Warehouse;

internal static class WarehouseMapping
{
    public static WarehouseDto ToDto(WarehouseSite warehouse) => new(warehouse.Code, warehouse.Name, warehouse.Address, warehouse.CreatedAt, warehouse.Priority);
}
