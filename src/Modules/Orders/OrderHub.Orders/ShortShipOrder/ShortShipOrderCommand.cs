using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.ShortShipOrder;

internal sealed record ShortShipOrderCommand(Guid OrderId, ShortShipRequest Request, int? ExpectedVersion) : ICommand<OrderDto>;
