namespace OrderHub.Returns.Policies;

/// <summary>The lines a request takes from one order, with that order's facts: each line is judged by its own order.</summary>
internal sealed record OrderRequest(OrderFacts Order, IReadOnlyList<RequestedLine> Lines);
