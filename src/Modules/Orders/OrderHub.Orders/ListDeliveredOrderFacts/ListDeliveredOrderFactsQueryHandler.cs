using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.ListDeliveredOrderFacts;

/// <summary>Answers <see cref="ListDeliveredOrderFactsQuery"/> for other modules' read models.</summary>
internal sealed class ListDeliveredOrderFactsQueryHandler(OrdersDbContext db)
    : IRequestHandler<ListDeliveredOrderFactsQuery, IReadOnlyList<DeliveredOrderFact>>
{
    public async Task<IReadOnlyList<DeliveredOrderFact>> Handle(ListDeliveredOrderFactsQuery request, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking()
            .Where(o => o.SequenceNumber > request.AfterSequence && o.DeliveredAt != null)
            .OrderBy(o => o.SequenceNumber)
            .Take(request.Take)
            .Select(o => new DeliveredOrderFact(
                o.SequenceNumber,
                o.Id,
                o.Storefront,
                o.Customer.Email,
                o.Customer.Segment,
                o.DeliveredAt!.Value,
                o.Lines.Select(l => new DeliveredOrderLineFact(l.Sku, l.ShippedQuantity)).ToList()))
            .ToListAsync(cancellationToken);
}
