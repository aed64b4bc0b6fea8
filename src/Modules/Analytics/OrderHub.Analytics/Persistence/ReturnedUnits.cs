namespace OrderHub.Analytics.Persistence;

/// <summary>A line of a counted return with the dimension values it was counted under, so withdrawing it takes back exactly that.</summary>
internal sealed record ReturnedUnits(string Sku, string Category, string Reason, int Quantity, bool KeepIt);
