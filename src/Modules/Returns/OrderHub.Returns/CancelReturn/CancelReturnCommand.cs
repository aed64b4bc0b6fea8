using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.CancelReturn;

internal sealed record CancelReturnCommand(Guid Id, int? ExpectedVersion) : ICommand<ReturnDto>;
