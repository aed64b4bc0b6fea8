namespace OrderHub.Returns.SimulateReturnPolicy;

/// <summary>
/// Customers' orders and returns, to count at a past moment what the intake counts at the moment of a request
/// (<see cref="ReturnFacts.ReturnHistoryAsync"/>): the latest orders placed by then, and how many of them had a
/// return requested before it. Cancellations, rejections and cancelled returns are taken as they are now.
/// </summary>
internal sealed class CustomerHistory(IReadOnlyList<CustomerHistory.Order> orders, IReadOnlyList<CustomerHistory.Return> returns)
{
    private readonly ILookup<string, Order> _orders = orders.ToLookup(o => o.CustomerEmail, StringComparer.Ordinal);
    private readonly ILookup<Guid, DateTime> _returned = returns.ToLookup(r => r.OrderId, r => r.RequestedAt);

    public (int Orders, int WithReturns) At(string customerEmail, DateTime moment, int lookback)
    {
        var recent = _orders[customerEmail]
            .Where(o => o.CreatedAt <= moment)
            .OrderByDescending(o => o.CreatedAt)
            .Take(Math.Max(1, lookback))
            .ToList();
        return (recent.Count, recent.Count(o => _returned[o.Id].Any(at => at < moment)));
    }

    public sealed record Order(Guid Id, string CustomerEmail, DateTime CreatedAt);

    public sealed record Return(Guid OrderId, DateTime RequestedAt);
}
