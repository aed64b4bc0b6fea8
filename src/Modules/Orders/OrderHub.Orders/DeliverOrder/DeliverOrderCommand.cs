using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.DeliverOrder;

internal sealed record DeliverOrderCommand(Guid OrderId, DateTime? DeliveredAt, int? ExpectedVersion) : ICommand<OrderDto>;
