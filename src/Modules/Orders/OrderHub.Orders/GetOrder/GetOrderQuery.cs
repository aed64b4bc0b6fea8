using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.GetOrder;

internal sealed record GetOrderQuery(Guid? Id, string? Number) : IQuery<OrderDto>;
