using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// Opens a customer's portal session from order number and email, exactly as <c>POST /api/v1/portal/sessions</c>:
/// unknown order or another email → not found, saying nothing about which of the two was wrong.
/// </summary>
public sealed record OpenCustomerPortalCommand(string? OrderNumber, string? Email) : ICommand<PortalSessionDto>;
