namespace OrderHub.Analytics.Contracts;

/// <summary>One value of a dimension (a SKU, a category, a reason, a segment, a storefront or an ISO week).</summary>
/// <param name="Key">The value; <c>(none)</c> where an order carried none (no storefront, segment or category).</param>
/// <param name="UnitsSold">Units delivered in the window with this value (for the reason dimension: every unit delivered).</param>
/// <param name="UnitsReturned">Units returned with this value.</param>
/// <param name="ReturnRate">UnitsReturned / UnitsSold, rounded to 4 places; null when nothing was sold.</param>
/// <param name="TopReasons">The three reasons with most units, most first.</param>
public sealed record ReturnsByDimensionRowDto(string Key, int UnitsSold, int UnitsReturned, decimal? ReturnRate, IReadOnlyList<ReasonUnitsDto> TopReasons);
