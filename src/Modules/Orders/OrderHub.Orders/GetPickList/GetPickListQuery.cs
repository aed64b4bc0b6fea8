using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.GetPickList;

internal sealed record GetPickListQuery(Guid PickListId) : IQuery<PickListDto>;
