using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;
using OrderHub.Inventory.Stock;

namespace OrderHub.Inventory.Reservations;

internal sealed class ReserveStockCommandValidator()
    : ReferenceAndLinesValidator<ReserveStockCommand>(x => x.Reference, x => x.Lines);

internal sealed class ReleaseReservationCommandValidator : AbstractValidator<ReleaseReservationCommand>
{
    public ReleaseReservationCommandValidator()
    {
        RuleFor(x => x.Reference).MustBeReference();
        When(x => x.Lines is not null, () => RuleFor(x => x.Lines!).MustBeStockLines());
    }
}

internal sealed class ConsumeReservationCommandValidator()
    : ReferenceAndLinesValidator<ConsumeReservationCommand>(x => x.Reference, x => x.Lines);

/// <summary>All lines or none: every SKU is locked and checked before anything is reserved.</summary>
internal sealed class ReserveStockCommandHandler(StockSession session) : IRequestHandler<ReserveStockCommand, ReservationResult>
{
    public async Task<ReservationResult> Handle(ReserveStockCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, null, cancellationToken);
        var shortages = wanted
            .Select(w => stocks[w.Key].ShortageFor(w.Value))
            .OfType<StockShortage>()
            .ToList();
        if (shortages.Count > 0)
        {
            return new ReservationResult(false, shortages);
        }

        foreach (var (sku, quantity) in wanted)
        {
            stocks[sku].Reserve(quantity, request.Reference);
        }

        await session.CompleteAsync(stocks.Values, "Reservation", request.Reference, cancellationToken);
        return new ReservationResult(true, []);
    }
}

internal sealed class ReleaseReservationCommandHandler(StockSession session, InventoryDbContext db)
    : IRequestHandler<ReleaseReservationCommand, bool>
{
    public async Task<bool> Handle(ReleaseReservationCommand request, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> skus = request.Lines is null
            ? await ReservedSkusAsync(request.Reference, cancellationToken)
            : StockRules.Totals(request.Lines).Keys;
        if (skus.Count == 0)
        {
            return false;
        }

        var stocks = await session.LockAsync(skus, request.Actor, request.Reference, cancellationToken);
        var released = 0;
        if (request.Lines is null)
        {
            released = stocks.Values.Sum(s => s.Release(request.Reference, null));
        }
        else
        {
            foreach (var (sku, quantity) in StockRules.Totals(request.Lines))
            {
                released += stocks[sku].Release(request.Reference, quantity);
            }
        }

        await session.CompleteAsync(stocks.Values, "Release", request.Reference, cancellationToken);
        return released > 0;
    }

    private async Task<List<string>> ReservedSkusAsync(string reference, CancellationToken cancellationToken) =>
        await db.Movements.Where(m => m.Reference == reference && m.ReservedDelta != 0).Select(m => m.Sku).Distinct().ToListAsync(cancellationToken);
}

internal sealed class ConsumeReservationCommandHandler(StockSession session) : IRequestHandler<ConsumeReservationCommand, bool>
{
    public async Task<bool> Handle(ConsumeReservationCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, request.Reference, cancellationToken);
        foreach (var (sku, quantity) in wanted)
        {
            stocks[sku].Consume(request.Reference, quantity);
        }

        await session.CompleteAsync(stocks.Values, "Shipment", request.Reference, cancellationToken);
        return true;
    }
}
