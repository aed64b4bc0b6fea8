using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.ListReturnFacts;

/// <summary>Answers <see cref="ListReturnFactsQuery"/> for other modules' read models.</summary>
internal sealed class ListReturnFactsQueryHandler(ReturnsDbContext db)
    : IRequestHandler<ListReturnFactsQuery, IReadOnlyList<ReturnFact>>
{
    public async Task<IReadOnlyList<ReturnFact>> Handle(ListReturnFactsQuery request, CancellationToken cancellationToken)
    {
        var returns = await db.Returns.AsNoTracking()
            .Include(r => r.Lines)
            .Where(r => r.SequenceNumber > request.AfterSequence)
            .OrderBy(r => r.SequenceNumber)
            .Take(request.Take)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return returns
            .Select(r => new ReturnFact(
                r.SequenceNumber,
                r.ToSnapshot(),
                r.Status == ReturnStatus.Completed && (r.Resolution != ReturnResolution.Exchange || r.ExchangeOrderNumber is not null),
                r.RefundAmount,
                r.StoreCreditAmount))
            .ToList();
    }
}
