using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.Domain;

/// <summary>A warehouse (fulfilment centre) and the address returns are shipped back to.</summary>
internal sealed class WarehouseSite : AggregateRoot<Guid>
{
    public const int DefaultPriority = WarehouseRank.DefaultPriority;

    public const int MaxPriority = 1_000_000;

    private WarehouseSite()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string AddressLine1 { get; private set; } = string.Empty;

    public string? AddressLine2 { get; private set; }

    public string City { get; private set; } = string.Empty;

    public string? Region { get; private set; }

    public string PostalCode { get; private set; } = string.Empty;

    public string Country { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    /// <summary>Allocation prefers lower values when several warehouses can ship an order equally well.</summary>
    public int Priority { get; private set; } = DefaultPriority;

    public PostalAddress Address => new(AddressLine1, AddressLine2, City, Region, PostalCode, Country);

    public static WarehouseSite Create(string code, string name, PostalAddress address, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        Name = name,
        AddressLine1 = address.Line1,
        AddressLine2 = address.Line2,
        City = address.City,
        Region = address.Region,
        PostalCode = address.PostalCode,
        Country = address.Country.ToUpperInvariant(),
        CreatedAt = now,
        Priority = DefaultPriority,
    };

    public void SetPriority(int priority)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, MaxPriority);
        if (priority != Priority)
        {
            Priority = priority;
            Touch();
        }
    }
}
