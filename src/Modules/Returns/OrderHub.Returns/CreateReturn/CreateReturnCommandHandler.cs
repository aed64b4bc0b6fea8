using MediatR;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.CreateReturn;

internal sealed class CreateReturnCommandHandler(ReturnsDbContext db, CurrentPolicyCache policies, ReturnFacts facts, ReturnWorkflow workflow, ReturnsAccess access, IMediator mediator)
    : IRequestHandler<CreateReturnCommand, ReturnDto>
{
    public async Task<ReturnDto> Handle(CreateReturnCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var (order, orderFacts) = await facts.LoadAsync(request.OrderId!.Value, cancellationToken);
        access.EnsureVisible("Order", order.Id, order.Id, order.Storefront);
        var policy = await policies.GetAsync(db, cancellationToken);
        var rules = policy.Rules;
        var now = workflow.Now;
        var resolution = request.Resolution!.Value;

        var refusals = new List<object>();
        if (PolicyEvaluator.ResolutionRefusal(rules, resolution) is { } notOffered)
        {
            throw new BusinessRuleException(notOffered, "resolution-not-offered");
        }

        var requested = new List<RequestedLine>();
        foreach (var line in request.Lines!)
        {
            var lineFacts = orderFacts.Lines.SingleOrDefault(l => l.OrderLineId == line.OrderLineId);
            if (lineFacts is null)
            {
                throw new NotFoundException("Order line", line.OrderLineId!);
            }

            var reasons = PolicyEvaluator.LineRefusals(PolicyEvaluator.Evaluate(rules, orderFacts, lineFacts, now), line.Quantity!.Value);
            if (reasons.Count > 0)
            {
                refusals.Add(new { orderLineId = lineFacts.OrderLineId, sku = lineFacts.Sku, reasons });
            }

            requested.Add(new RequestedLine(lineFacts, line.Quantity!.Value, line.ReasonCode!.Value));
        }

        if (refusals.Count > 0)
        {
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

        var quote = PolicyEvaluator.Quote(rules, resolution, requested);
        var (recent, withReturns) = await facts.ReturnHistoryAsync(order.CustomerEmail, rules.SerialReturnerLookbackOrders, cancellationToken);
        var review = PolicyEvaluator.ReviewReasons(rules, orderFacts, PolicyEvaluator.SerialReturner(rules, recent, withReturns));
        var rma = ReturnRequest.Request(
            await db.NextSequenceNumberAsync(cancellationToken),
            order.Id,
            order.Number,
            order.Storefront,
            (order.CustomerEmail, order.CustomerName, order.Locale),
            order.Currency,
            resolution,
            request.ExchangeSku?.Trim(),
            policy.Version,
            (quote.ItemsValue, quote.RestockingFee, quote.ShippingFee, quote.StoreCreditBonus, quote.Total),
            review,
            rules.ReturnWarehouseCode,
            requested.Select((r, i) => new ReturnLine(r.Line.OrderLineId, r.Line.Sku, r.Quantity, r.Line.UnitPrice, r.Reason,
                request.Lines![i].Comment?.Trim(), quote.KeepItLines.Contains(r.Line.OrderLineId))),
            access.ActorName,
            now);
        db.Returns.Add(rma);
        await db.SaveChangesAsync(cancellationToken);

        if (review.Count == 0)
        {
            await workflow.ApproveAsync(rma, "policy:auto-approval", cancellationToken);
        }

        return rma.ToDto();
    }
}
