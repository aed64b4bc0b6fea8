using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.GetReturnTimeline;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.GetReturnTracking;

/// <summary>Finds the return by its RMA number and answers what the API's return and timeline queries answer for it.</summary>
internal sealed class GetReturnTrackingQueryHandler(ReturnsDbContext db, IMediator mediator) : IRequestHandler<GetReturnTrackingQuery, ReturnTracking>
{
    public async Task<ReturnTracking> Handle(GetReturnTrackingQuery request, CancellationToken cancellationToken)
    {
        var number = request.RmaNumber.Trim().ToUpperInvariant();
        var id = await db.Returns.AsNoTracking().Where(r => r.RmaNumber == number).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Return", request.RmaNumber);
        var rma = await mediator.Send(new GetReturnQuery(id), cancellationToken);
        var timeline = await mediator.Send(new GetReturnTimelineQuery(id), cancellationToken);
        return new ReturnTracking(rma, timeline);
    }
}
