using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturnPolicyVersion;

internal sealed record GetReturnPolicyVersionQuery(int Version) : IQuery<ReturnPolicyDto>;
