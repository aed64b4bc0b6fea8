using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.OrderCopies;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns;

/// <summary>
/// Judges a return request against the policy: one customer and one currency across its orders, the resolution
/// offered, and every line returnable from its own order in the quantity asked. Shared by creating a return and
/// quoting one, so both refuse in the same words.
/// </summary>
internal static class ReturnRequestCheck
{
    /// <summary>The order of each requested line, in the request's order: its own, else the request's.</summary>
    public static List<Guid> LineOrders(CreateReturnRequest request) =>
        [.. request.Lines!.Select(l => l.OrderId ?? request.OrderId!.Value)];

    /// <summary>
    /// The requested lines with their orders and the policy's verdict on the whole request; throws the business-rule
    /// refusal (422) listing the reasons per line, each naming its order.
    /// </summary>
    public static (List<(OrderCopy Order, RequestedLine Line)> Requested, RequestVerdict Verdict) Judge(
        PolicyRules rules,
        IReadOnlyList<(OrderCopy Order, OrderFacts Facts)> orders,
        CreateReturnRequest request,
        string? serialReturnerFlag,
        DateTime now)
    {
        var resolution = request.Resolution!.Value;
        var lineOrders = LineOrders(request);
        RequireOneCustomerAndCurrency(orders.Select(o => o.Order).ToList(), request.Lines!.Zip(lineOrders).ToLookup(x => x.Second, x => x.First.OrderLineId!.Value), resolution);
        if (PolicyEvaluator.ResolutionRefusal(rules, resolution) is { } notOffered)
        {
            throw new BusinessRuleException(notOffered, "resolution-not-offered");
        }

        var byId = orders.ToDictionary(o => o.Order.Id);
        var requested = new List<(OrderCopy Order, RequestedLine Line)>();
        foreach (var (line, orderId) in request.Lines!.Zip(lineOrders))
        {
            var (order, orderFacts) = byId[orderId];
            var lineFacts = orderFacts.Lines.SingleOrDefault(l => l.OrderLineId == line.OrderLineId)
                ?? throw new NotFoundException("Order line", line.OrderLineId!);
            requested.Add((order, new RequestedLine(lineFacts, line.Quantity!.Value, line.ReasonCode!.Value)));
        }

        var verdict = PolicyEvaluator.Judge(
            rules,
            orders.Select(o => new OrderRequest(o.Facts, [.. requested.Where(r => r.Order.Id == o.Order.Id).Select(r => r.Line)])).ToList(),
            resolution,
            serialReturnerFlag,
            now);
        if (verdict.LineRefusals.Count > 0)
        {
            var refusals = requested
                .Where(r => verdict.LineRefusals.ContainsKey(r.Line.Line.OrderLineId))
                .Select(r => new
                {
                    orderId = r.Order.Id,
                    orderNumber = r.Order.Number,
                    orderLineId = r.Line.Line.OrderLineId,
                    sku = r.Line.Line.Sku,
                    reasons = verdict.LineRefusals[r.Line.Line.OrderLineId],
                })
                .ToList();
            throw new BusinessRuleException("Some items cannot be returned; see lines for the reasons.", "not-returnable",
                new Dictionary<string, object?> { ["lines"] = refusals });
        }

        return (requested, verdict);
    }

    /// <summary>
    /// One parcel, one refund and one customer: every order must be the same customer's, in one currency. An exchange
    /// becomes a replacement of one order (its address, its reference), so it takes items of one order only.
    /// </summary>
    private static void RequireOneCustomerAndCurrency(IReadOnlyList<OrderCopy> orders, ILookup<Guid, Guid> lines, ReturnResolution resolution)
    {
        if (orders.Count < 2)
        {
            return;
        }

        var first = orders[0];
        if (orders.Any(o => !string.Equals(o.CustomerEmail, first.CustomerEmail, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BusinessRuleException(
                $"Orders {Numbers(orders)} belong to different customers; one return can only take items of one customer's orders.",
                "different-customers",
                new Dictionary<string, object?> { ["orders"] = Described(orders, o => new
                {
                    orderId = o.Id,
                    orderNumber = o.Number,
                    orderLineIds = lines[o.Id].ToList(),
                    sameCustomerAsFirst = string.Equals(o.CustomerEmail, first.CustomerEmail, StringComparison.OrdinalIgnoreCase),
                }) });
        }

        if (orders.Any(o => o.Currency != first.Currency))
        {
            throw new BusinessRuleException(
                $"Orders {Numbers(orders)} were paid in different currencies ({string.Join(", ", orders.Select(o => o.Currency).Distinct())}); one return is refunded in one currency, so request one return per currency.",
                "mixed-currencies",
                new Dictionary<string, object?> { ["orders"] = Described(orders, o => new { orderId = o.Id, orderNumber = o.Number, orderLineIds = lines[o.Id].ToList(), currency = o.Currency }) });
        }

        if (resolution == ReturnResolution.Exchange)
        {
            throw new BusinessRuleException(
                $"An exchange replaces items of one order, and this request takes items of {orders.Count} orders ({Numbers(orders)}); request a refund or store credit for them together, or one exchange per order.",
                "exchange-across-orders",
                new Dictionary<string, object?> { ["orders"] = Described(orders, o => new { orderId = o.Id, orderNumber = o.Number, orderLineIds = lines[o.Id].ToList() }) });
        }
    }

    private static string Numbers(IEnumerable<OrderCopy> orders) => string.Join(", ", orders.Select(o => o.Number));

    private static List<object> Described(IEnumerable<OrderCopy> orders, Func<OrderCopy, object> describe) => [.. orders.Select(describe)];
}
