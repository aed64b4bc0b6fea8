using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.GetOrderAllocations;

internal sealed record GetOrderAllocationsQuery(Guid OrderId) : IQuery<OrderAllocationsDto>;
