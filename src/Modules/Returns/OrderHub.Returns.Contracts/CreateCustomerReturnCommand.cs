using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>Creates a return exactly as <c>POST /api/v1/returns</c> does, for pages that send it in-process.</summary>
public sealed record CreateCustomerReturnCommand(CreateReturnRequest Request) : ICommand<ReturnDto>;
