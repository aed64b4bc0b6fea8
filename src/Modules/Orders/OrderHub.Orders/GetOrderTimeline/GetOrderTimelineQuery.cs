using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.GetOrderTimeline;

internal sealed record GetOrderTimelineQuery(Guid Id) : IQuery<IReadOnlyList<OrderTimelineEntryDto>>;
