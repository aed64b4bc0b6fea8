using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturnPolicy;

internal sealed record GetReturnPolicyQuery : IQuery<ReturnPolicyDto>;
