using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.InspectReturn;

internal sealed record InspectReturnCommand(Guid Id, InspectReturnRequest Request, int? ExpectedVersion) : ICommand<ReturnDto>;
