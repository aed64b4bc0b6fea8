using MediatR;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
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
        var orders = await facts.LoadManyAsync(ReturnRequestCheck.LineOrders(request), cancellationToken);
        foreach (var (order, _) in orders)
        {
            access.EnsureVisible("Order", order.Id, order.Id, order.Storefront, order.CustomerEmail);
        }

        var resolution = request.Resolution!.Value;
        var policy = await policies.GetAsync(db, cancellationToken);
        var rules = policy.Rules;
        var now = workflow.Now;
        var customer = orders[0].Order;
        var (recent, withReturns) = await facts.ReturnHistoryAsync(customer.CustomerEmail, rules.SerialReturnerLookbackOrders, cancellationToken);
        var (requested, verdict) = ReturnRequestCheck.Judge(rules, orders, request, PolicyEvaluator.SerialReturner(rules, recent, withReturns), now);

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
}
