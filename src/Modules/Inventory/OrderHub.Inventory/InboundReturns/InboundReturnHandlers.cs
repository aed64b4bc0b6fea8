using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Persistence;
using OrderHub.Inventory.Stock;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.InboundReturns;

internal sealed class ExpectInboundReturnCommandValidator()
    : ReferenceAndLinesValidator<ExpectInboundReturnCommand>(x => x.Reference, x => x.Lines);

internal sealed class CancelInboundReturnCommandValidator : AbstractValidator<CancelInboundReturnCommand>
{
    public CancelInboundReturnCommandValidator() => RuleFor(x => x.Reference).MustBeReference();
}

internal sealed class ReceiveReturnStockCommandValidator : ReferenceAndLinesValidator<ReceiveReturnStockCommand>
{
    public ReceiveReturnStockCommandValidator()
        : base(x => x.Reference, x => x.Lines)
    {
        RuleFor(x => x.WarehouseCode).MustBeCode();
    }
}

internal sealed class PutAwayReturnCommandValidator : AbstractValidator<PutAwayReturnCommand>
{
    public PutAwayReturnCommandValidator()
    {
        RuleFor(x => x.Reference).MustBeReference();
        RuleFor(x => x.WarehouseCode).MustBeCode();
        RuleFor(x => x.Sku).MustBeCode();
        RuleFor(x => (int?)x.Quantity).MustBeQuantity().OverridePropertyName("quantity");
        RuleFor(x => x.Purpose).IsInEnum().NotEqual(PutawayPurpose.ReceivedReturn)
            .WithMessage("purpose must be Restock, Refurbish, Dispose or ReturnToVendor.");
    }
}

internal sealed class ExpectInboundReturnCommandHandler(StockSession session) : IRequestHandler<ExpectInboundReturnCommand, bool>
{
    public async Task<bool> Handle(ExpectInboundReturnCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, null, cancellationToken);
        foreach (var (sku, quantity) in wanted)
        {
            stocks[sku].ExpectReturn(request.Reference, quantity);
        }

        await session.CompleteAsync(stocks.Values, "ReturnExpected", request.Reference, cancellationToken);
        return true;
    }
}

internal sealed class CancelInboundReturnCommandHandler(StockSession session, InventoryDbContext db) : IRequestHandler<CancelInboundReturnCommand, bool>
{
    public async Task<bool> Handle(CancelInboundReturnCommand request, CancellationToken cancellationToken)
    {
        var skus = await db.ExpectedReturns.Where(r => r.Reference == request.Reference).Select(r => r.Sku).ToListAsync(cancellationToken);
        if (skus.Count == 0)
        {
            return false;
        }

        var stocks = await session.LockAsync(skus, request.Actor, null, cancellationToken);
        var cancelled = stocks.Values.Sum(s => s.CancelExpectedReturn(request.Reference));
        await session.CompleteAsync(stocks.Values, "ReturnCancelled", request.Reference, cancellationToken);
        return cancelled > 0;
    }
}

internal sealed class ReceiveReturnStockCommandHandler(StockSession session) : IRequestHandler<ReceiveReturnStockCommand, IReadOnlyList<StockPlacement>>
{
    public async Task<IReadOnlyList<StockPlacement>> Handle(ReceiveReturnStockCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, null, cancellationToken);
        var placements = new List<StockPlacement>();
        foreach (var (sku, quantity) in wanted)
        {
            var returns = await session.PutawayLocationAsync(sku, request.WarehouseCode, PutawayPurpose.ReceivedReturn, cancellationToken);
            stocks[sku].ReceiveReturn(request.Reference, returns, quantity);
            placements.Add(new StockPlacement(sku, quantity, returns.Code, returns.Type));
        }

        await session.CompleteAsync(stocks.Values, "ReturnReceipt", request.Reference, cancellationToken);
        return placements;
    }
}

internal sealed class PutAwayReturnCommandHandler(StockSession session) : IRequestHandler<PutAwayReturnCommand, StockPlacement>
{
    public async Task<StockPlacement> Handle(PutAwayReturnCommand request, CancellationToken cancellationToken)
    {
        var stock = await session.LockAsync(request.Sku, request.Actor, cancellationToken);
        var from = await session.PutawayLocationAsync(request.Sku, request.WarehouseCode, PutawayPurpose.ReceivedReturn, cancellationToken);
        var to = await session.PutawayLocationAsync(request.Sku, request.WarehouseCode, request.Purpose, cancellationToken);
        stock.Move(from, to, request.Quantity, MovementType.PutawayOut, MovementType.PutawayIn, request.Purpose.ToString(), request.Reference);
        await session.CompleteAsync([stock], "ReturnPutaway", request.Reference, cancellationToken);
        return new StockPlacement(request.Sku, request.Quantity, to.Code, to.Type);
    }
}
