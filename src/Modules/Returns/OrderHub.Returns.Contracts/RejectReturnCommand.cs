using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>Rejects a requested return with a reason the customer will read (<c>POST /api/v1/returns/{id}/reject</c>); staff only.</summary>
public sealed record RejectReturnCommand(Guid Id, string? Reason, int? ExpectedVersion) : ICommand<ReturnDto>;
