using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.UpdateReturnPolicy;

internal sealed record UpdateReturnPolicyCommand(UpdateReturnPolicyRequest Policy) : ICommand<ReturnPolicyDto>, ICarryPolicyDocument;
