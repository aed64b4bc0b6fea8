using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.Domain;

/// <summary>A storage location; its code is unique across all warehouses, its type never changes.</summary>
internal sealed class Location : AggregateRoot<Guid>
{
    private Location()
    {
    }

    public Guid WarehouseId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public LocationType Type { get; private set; }

    /// <summary>The SKU whose pick face this is (Pick locations only); restocked units of it go here.</summary>
    public string? Sku { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Location Create(WarehouseSite warehouse, string code, LocationType type, string? sku, DateTime now)
    {
        if (sku is not null && type != LocationType.Pick)
        {
            throw new BusinessRuleException("Only a Pick location can be the pick face of a SKU.", "pick-face-only");
        }

        return new Location
        {
            Id = Guid.NewGuid(),
            WarehouseId = warehouse.Id,
            Code = code,
            Type = type,
            Sku = sku,
            CreatedAt = now,
        };
    }
}
