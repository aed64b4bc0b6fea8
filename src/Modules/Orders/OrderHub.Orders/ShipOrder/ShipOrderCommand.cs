using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.ShipOrder;

internal sealed record ShipOrderCommand(Guid OrderId, ShipOrderRequest Request, int? ExpectedVersion) : ICommand<(ShipmentDto Shipment, int Version)>;
