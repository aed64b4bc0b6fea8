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

        var requested = ReturnRequestCheck.Judge(rules, orderFacts, request, now);

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
