namespace OrderHub.Inventory.Contracts;

/// <summary>A replacement a customer may pick, with the units available to sell.</summary>
public sealed record ExchangeOption(string Sku, string Name, int Available);
