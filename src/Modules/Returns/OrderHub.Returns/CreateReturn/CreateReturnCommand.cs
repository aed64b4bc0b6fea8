using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.CreateReturn;

internal sealed record CreateReturnCommand(CreateReturnRequest Request) : ICommand<ReturnDto>;
