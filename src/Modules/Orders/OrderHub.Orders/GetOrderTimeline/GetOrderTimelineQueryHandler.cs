using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.GetOrderTimeline;

internal sealed class GetOrderTimelineQueryHandler(OrdersDbContext db, ICurrentActor actor, IMapper mapper)
    : IRequestHandler<GetOrderTimelineQuery, IReadOnlyList<OrderTimelineEntryDto>>
{
    public async Task<IReadOnlyList<OrderTimelineEntryDto>> Handle(GetOrderTimelineQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Orders.AsNoTracking().Visible(actor).AnyAsync(o => o.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("Order", request.Id);
        }

        return await db.Timeline.AsNoTracking()
            .Where(t => t.OwnerId == request.Id)
            .OrderBy(t => t.Sequence)
            .ProjectTo<OrderTimelineEntryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
    }
}
