using MediatR;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns;

/// <summary>
/// The steps of a return that touch other modules, each inside the caller's transaction: stock expected
/// back, the exchange reservation and the exchange order.
/// </summary>
internal sealed class ReturnWorkflow(ReturnsDbContext db, CurrentPolicyCache policies, IMediator mediator, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Approves under the policy version the RMA was judged under: reserves an exchange replacement, expects the
    /// parcel, or completes a keep-it return at once.
    /// </summary>
    public async Task ApproveAsync(ReturnRequest rma, string actor, CancellationToken cancellationToken)
    {
        rma.Approve(await PolicyOfAsync(rma, cancellationToken), actor, Now);
        await db.SaveChangesAsync(cancellationToken);
        if (rma.Resolution == ReturnResolution.Exchange)
        {
            var reservation = await mediator.Send(new ReserveStockCommand(rma.RmaNumber, [new StockLine(rma.ExchangeSku!, ExchangeQuantity(rma))], actor), cancellationToken);
            if (!reservation.Succeeded)
            {
                throw new ConflictException($"The replacement {rma.ExchangeSku} is out of stock, so the exchange cannot be approved.", "insufficient-stock",
                    new Dictionary<string, object?> { ["shortages"] = reservation.Shortages });
            }
        }

        var shippedBack = rma.ShippedBackLines.Select(l => new StockLine(l.Sku, l.Quantity)).ToList();
        if (shippedBack.Count > 0)
        {
            await mediator.Send(new ExpectInboundReturnCommand(rma.RmaNumber, shippedBack, actor), cancellationToken);
        }

        if (rma.EverythingKeptByCustomer)
        {
            await CompleteAsync(rma, new Dictionary<Guid, (ItemCondition, Disposition)>(), actor, cancellationToken);
        }
    }

    /// <summary>
    /// Records the resolution with the fees and bonus of the RMA's own policy version; for an exchange the
    /// reserved replacement becomes a new order.
    /// </summary>
    public async Task CompleteAsync(ReturnRequest rma, IReadOnlyDictionary<Guid, (ItemCondition Condition, Disposition Disposition)> grades, string actor, CancellationToken cancellationToken)
    {
        rma.Complete(grades, await PolicyOfAsync(rma, cancellationToken), actor, Now);
        await db.SaveChangesAsync(cancellationToken);
        if (rma.Resolution == ReturnResolution.Exchange)
        {
            // Same transaction: the replacement's reservation moves from the RMA to the new order without a gap.
            await mediator.Send(new ReleaseReservationCommand(rma.RmaNumber, null, actor), cancellationToken);
            var exchange = await mediator.Send(new PlaceExchangeOrderCommand(rma.OrderId, rma.ExchangeSku!, ExchangeQuantity(rma), rma.RmaNumber, actor), cancellationToken);
            rma.RecordExchangeOrder(exchange.Number, Now);
        }
    }

    /// <summary>Undoes what approval set up: the expected parcel and the exchange reservation.</summary>
    public async Task ReleaseApprovalAsync(ReturnRequest rma, string actor, CancellationToken cancellationToken)
    {
        await mediator.Send(new CancelInboundReturnCommand(rma.RmaNumber, actor), cancellationToken);
        if (rma.Resolution == ReturnResolution.Exchange)
        {
            await mediator.Send(new ReleaseReservationCommand(rma.RmaNumber, null, actor), cancellationToken);
        }
    }

    /// <summary>The version stamped on the RMA, not the one in force: a later PUT never changes what an RMA is owed.</summary>
    private Task<ReturnPolicy> PolicyOfAsync(ReturnRequest rma, CancellationToken cancellationToken) =>
        policies.GetVersionAsync(db, rma.PolicyVersion, cancellationToken);

    public static int ExchangeQuantity(ReturnRequest rma) => rma.Lines.Sum(l => l.Quantity);
}
