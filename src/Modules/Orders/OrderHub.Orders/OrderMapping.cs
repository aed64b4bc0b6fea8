using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;

namespace OrderHub.Orders;

internal static class OrderMapping
{
    public static OrderDto ToDto(this Order order) => new(
        order.Id,
        order.Number,
        order.Status,
        order.Storefront,
        order.ExternalReference,
        order.Customer.ToDto(),
        order.ShippingAddress.ToDto(),
        order.Currency,
        order.Total,
        order.Lines.Select(ToDto).ToList(),
        order.Shipments.OrderBy(s => s.ShippedAt).Select(ToDto).ToList(),
        order.CreatedAt,
        order.DeliveredAt,
        order.CancelledAt,
        order.Version);

    public static OrderSnapshot ToSnapshot(this Order order) => new(
        order.Id,
        order.Number,
        order.Storefront,
        order.Customer.ToDto(),
        order.ShippingAddress.ToDto(),
        order.Currency,
        order.Lines.Select(ToDto).ToList(),
        order.CreatedAt,
        order.DeliveredAt);

    public static ShipmentDto ToDto(this Shipment shipment) => new(
        shipment.Id,
        shipment.Carrier,
        shipment.TrackingNumber,
        shipment.ShippedAt,
        shipment.Lines.Select(l => new ShipmentLineDto(l.OrderLineId, l.Sku, l.Quantity)).ToList(),
        shipment.WarehouseCode);

    public static OrderAllocationsDto ToAllocationsDto(this Order order) => new(
        order.Id,
        order.Lines.Select(line => new OrderLineAllocationsDto(
            line.Id,
            line.Sku,
            line.Quantity,
            order.Allocations
                .Where(a => a.OrderLineId == line.Id && a.Quantity > 0)
                .OrderBy(a => a.WarehouseCode, StringComparer.Ordinal).ThenBy(a => a.LocationCode, StringComparer.Ordinal)
                .Select(a => new AllocationDto(a.WarehouseCode, a.LocationCode, a.Quantity, a.ShippedQuantity))
                .ToList())).ToList());

    private static OrderLineDto ToDto(OrderLine line) => new(line.Id, line.Sku, line.Quantity, line.UnitPrice, line.ShippedQuantity, line.ShortShippedQuantity);

    private static CustomerDto ToDto(this Customer customer) => new(customer.Email, customer.Name, customer.Locale, customer.Segment);

    private static AddressDto ToDto(this Address address) =>
        new(address.Name, address.Line1, address.Line2, address.City, address.PostalCode, address.Region, address.Country);
}
