namespace OrderHub.Inventory.Contracts;

/// <summary>The answer to a stock change: the movements it wrote and the SKU's new figures.</summary>
public sealed record StockChangeResponse(IReadOnlyList<StockMovementDto> Movements, StockSnapshot Stock);
