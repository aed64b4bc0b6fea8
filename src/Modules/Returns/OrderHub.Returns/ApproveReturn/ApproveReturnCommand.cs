using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ApproveReturn;

internal sealed record ApproveReturnCommand(Guid Id, int? ExpectedVersion) : ICommand<ReturnDto>;
