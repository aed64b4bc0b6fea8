using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturn;

internal sealed record GetReturnQuery(Guid Id) : IQuery<ReturnDto>;
