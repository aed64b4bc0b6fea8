using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Orders.Contracts;

/// <summary>
/// Places a free replacement order for an exchange, shipped to the original order's customer and address,
/// with its stock reserved in the same transaction (409 when it cannot be). Sent by the Returns module.
/// </summary>
public sealed record PlaceExchangeOrderCommand(Guid OriginalOrderId, string Sku, int Quantity, string Reference, string Actor) : ICommand<ExchangeOrderResult>;

/// <summary>The replacement order created for an exchange.</summary>
public sealed record ExchangeOrderResult(Guid OrderId, string Number);
