using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Orders.Contracts;

/// <summary>
/// Delivered orders in the order they were placed, a page at a time: those numbered after
/// <paramref name="AfterSequence"/> (0 for the first page), at most <paramref name="Take"/> of them. For read
/// models that rebuild themselves from what Orders knows instead of from its events.
/// </summary>
public sealed record ListDeliveredOrderFactsQuery(long AfterSequence, int Take) : IQuery<IReadOnlyList<DeliveredOrderFact>>;
