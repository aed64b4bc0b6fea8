using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.Domain;

/// <summary>A location a unit could be put away to.</summary>
internal sealed record PutawayCandidate(string Code, LocationType Type, string? Sku);
