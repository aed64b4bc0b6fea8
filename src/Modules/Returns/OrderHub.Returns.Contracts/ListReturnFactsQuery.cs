using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// Every return in the order it was requested, a page at a time: those numbered after
/// <paramref name="AfterSequence"/> (0 for the first page), at most <paramref name="Take"/> of them. For read
/// models that rebuild themselves from what Returns knows instead of from its events.
/// </summary>
public sealed record ListReturnFactsQuery(long AfterSequence, int Take) : IQuery<IReadOnlyList<ReturnFact>>;
