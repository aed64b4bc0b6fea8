using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.GetReturnTimeline;

internal sealed class GetReturnTimelineQueryHandler(ReturnsDbContext db, ReturnsAccess access) : IRequestHandler<GetReturnTimelineQuery, IReadOnlyList<ReturnTimelineEntryDto>>
{
    public async Task<IReadOnlyList<ReturnTimelineEntryDto>> Handle(GetReturnTimelineQuery request, CancellationToken cancellationToken)
    {
        var owner = await db.Returns.AsNoTracking().Where(r => r.Id == request.Id).Select(r => new { r.OrderId, r.Storefront, r.CustomerEmail }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Return", request.Id);
        access.EnsureVisible("Return", request.Id, owner.OrderId, owner.Storefront, owner.CustomerEmail);
        return await db.Timeline.AsNoTracking().Where(t => t.OwnerId == request.Id).OrderBy(t => t.Sequence)
            .Select(t => new ReturnTimelineEntryDto(t.OccurredAt, t.Event, t.Status, t.Actor, t.Detail))
            .ToListAsync(cancellationToken);
    }
}
