using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.SimulateReturnPolicy;

/// <summary>A read: a simulation stores nothing, so it runs outside the unit of work.</summary>
internal sealed record SimulateReturnPolicyQuery(UpdateReturnPolicyRequest Policy, int Days) : IQuery<ReturnPolicySimulationDto>, ICarryPolicyDocument;
