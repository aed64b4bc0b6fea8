using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>Approves a requested return (<c>POST /api/v1/returns/{id}/approve</c>); staff only. <c>ExpectedVersion</c> is the If-Match version, null to skip the check.</summary>
public sealed record ApproveReturnCommand(Guid Id, int? ExpectedVersion) : ICommand<ReturnDto>;
