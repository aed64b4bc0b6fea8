using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.RejectReturn;

internal sealed record RejectReturnCommand(Guid Id, string? Reason, int? ExpectedVersion) : ICommand<ReturnDto>;
