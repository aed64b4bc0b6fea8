using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Labels;

namespace OrderHub.Returns.GetReturnLabel;

internal sealed record GetReturnLabelQuery(Guid Id) : IQuery<ReturnLabel>;
