using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.CancelOrder;

internal sealed record CancelOrderCommand(Guid OrderId, string? Reason, int? ExpectedVersion) : ICommand<OrderDto>;
