using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturnableLines;

internal sealed record GetReturnableLinesQuery(Guid OrderId) : IQuery<IReadOnlyList<ReturnableLineDto>>;
