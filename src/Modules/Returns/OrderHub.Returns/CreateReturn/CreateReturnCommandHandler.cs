using MediatR;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.OrderCopies;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.CreateReturn;

/// <summary>
/// One RMA, one parcel, for items of one order or of several orders of the same customer in the same currency. Each
/// line is judged by its own order and the policy in force; the parcel goes where the policy pins it or where the
/// items are needed most.
/// </summary>
internal sealed class CreateReturnCommandHandler(
    ReturnsDbContext db, CurrentPolicyCache policies, ReturnFacts facts, ReturnWarehouses warehouses, ReturnWorkflow workflow, ReturnsAccess access, IMediator mediator)
    : IRequestHandler<CreateReturnCommand, ReturnDto>
{
    public async Task<ReturnDto> Handle(CreateReturnCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var lineOrders = request.Lines!.Select(l => l.OrderId ?? request.OrderId!.Value).ToList();
        var orders = await facts.LoadManyAsync(lineOrders, cancellationToken);
        foreach (var (order, _) in orders)
        {
            access.EnsureVisible("Order", order.Id, order.Id, order.Storefront, order.CustomerEmail);
        }

        var resolution = request.Resolution!.Value;
        RequireOneCustomerAndCurrency(orders.Select(o => o.Order).ToList(), request.Lines!.Zip(lineOrders).ToLookup(x => x.Second, x => x.First.OrderLineId!.Value), resolution);
        var policy = await policies.GetAsync(db, cancellationToken);
        var rules = policy.Rules;
        var now = workflow.Now;
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

        var customer = orders[0].Order;
        var (recent, withReturns) = await facts.ReturnHistoryAsync(customer.CustomerEmail, rules.SerialReturnerLookbackOrders, cancellationToken);
        var verdict = PolicyEvaluator.Judge(
            rules,
            orders.Select(o => new OrderRequest(o.Facts, [.. requested.Where(r => r.Order.Id == o.Order.Id).Select(r => r.Line)])).ToList(),
            resolution,
            PolicyEvaluator.SerialReturner(rules, recent, withReturns),
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

        if (resolution == ReturnResolution.Exchange)
        {
            var known = await mediator.Send(new GetSkusQuery([request.ExchangeSku!.Trim()]), cancellationToken);
            if (known.Count == 0)
            {
                throw new NotFoundException("SKU", request.ExchangeSku!);
            }
        }

        var quote = verdict.Quote;
        var shippedBack = requested.Where(r => !quote.KeepItLines.Contains(r.Line.Line.OrderLineId)).Select(r => new StockLine(r.Line.Line.Sku, r.Line.Quantity)).ToList();
        var route = await warehouses.RouteAsync(policy, shippedBack, now, cancellationToken);
        var rma = ReturnRequest.Request(
            await db.NextSequenceNumberAsync(cancellationToken),
            customer.Storefront,
            (customer.CustomerEmail, customer.CustomerName, customer.Locale),
            customer.Currency,
            resolution,
            request.ExchangeSku?.Trim(),
            policy.Version,
            (quote.ItemsValue, quote.RestockingFee, quote.ShippingFee, quote.StoreCreditBonus, quote.Total),
            verdict.ReviewReasons,
            (route.WarehouseCode, route.Reason),
            requested.Select((r, i) => new ReturnLine((r.Order.Id, r.Order.Number), r.Line.Line.OrderLineId, r.Line.Line.Sku, r.Line.Quantity, r.Line.Line.UnitPrice,
                r.Line.Reason, request.Lines![i].Comment?.Trim(), quote.KeepItLines.Contains(r.Line.Line.OrderLineId))),
            access.ActorName,
            now);
        db.Returns.Add(rma);
        await db.SaveChangesAsync(cancellationToken);

        if (verdict.ReviewReasons.Count == 0)
        {
            await workflow.ApproveAsync(rma, "policy:auto-approval", cancellationToken);
        }

        return rma.ToDto();
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
