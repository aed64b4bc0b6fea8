using AutoMapper;
using AutoMapper.QueryableExtensions;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.GetOrder;

internal sealed record GetOrderQuery(Guid? Id, string? Number) : IQuery<OrderDto>;

internal sealed record GetOrderTimelineQuery(Guid Id) : IQuery<IReadOnlyList<OrderTimelineEntryDto>>;

internal sealed class GetOrderQueryHandler(OrdersDbContext db, ICurrentActor actor) : IRequestHandler<GetOrderQuery, OrderDto>
{
    public async Task<OrderDto> Handle(GetOrderQuery request, CancellationToken cancellationToken)
    {
        var query = db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .Include(o => o.Shipments).ThenInclude(s => s.Lines)
            .AsSplitQuery()
            .Visible(actor);
        var order = request.Id is { } id
            ? await query.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : await query.SingleOrDefaultAsync(o => o.Number == request.Number, cancellationToken);
        return order?.ToDto() ?? throw new NotFoundException("Order", (object?)request.Id ?? request.Number!);
    }
}

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
