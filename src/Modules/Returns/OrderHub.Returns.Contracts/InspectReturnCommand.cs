using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>Grades every received line and puts its units away (<c>POST /api/v1/returns/{id}/inspection</c>); staff only.</summary>
public sealed record InspectReturnCommand(Guid Id, InspectReturnRequest Request, int? ExpectedVersion) : ICommand<ReturnDto>;
