using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.OpenPortalSession;

internal sealed record OpenPortalSessionCommand(string? OrderNumber, string? Email) : ICommand<PortalSessionDto>;
