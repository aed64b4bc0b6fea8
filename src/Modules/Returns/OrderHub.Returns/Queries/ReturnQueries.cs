using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Access;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.Queries;

internal sealed record GetReturnQuery(Guid Id) : IQuery<ReturnDto>;

internal sealed record GetReturnTimelineQuery(Guid Id) : IQuery<IReadOnlyList<ReturnTimelineEntryDto>>;

internal sealed record ListReturnsQuery(ReturnStatus? Status, string? CustomerEmail, string? RmaNumber, Guid? OrderId, bool? InspectionOverdue, PageRequest Page)
    : IQuery<PagedResult<ReturnSummaryDto>>;

internal sealed class GetReturnQueryHandler(ReturnsDbContext db, ReturnsAccess access) : IRequestHandler<GetReturnQuery, ReturnDto>
{
    public async Task<ReturnDto> Handle(GetReturnQuery request, CancellationToken cancellationToken)
    {
        var rma = await db.Returns.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Return", request.Id);
        access.EnsureVisible("Return", request.Id, rma.OrderId, rma.Storefront);
        return rma.ToDto();
    }
}

internal sealed class GetReturnTimelineQueryHandler(ReturnsDbContext db, ReturnsAccess access) : IRequestHandler<GetReturnTimelineQuery, IReadOnlyList<ReturnTimelineEntryDto>>
{
    public async Task<IReadOnlyList<ReturnTimelineEntryDto>> Handle(GetReturnTimelineQuery request, CancellationToken cancellationToken)
    {
        var owner = await db.Returns.AsNoTracking().Where(r => r.Id == request.Id).Select(r => new { r.OrderId, r.Storefront }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Return", request.Id);
        access.EnsureVisible("Return", request.Id, owner.OrderId, owner.Storefront);
        return await db.Timeline.AsNoTracking().Where(t => t.OwnerId == request.Id).OrderBy(t => t.Sequence)
            .Select(t => new ReturnTimelineEntryDto(t.OccurredAt, t.Event, t.Status, t.Actor, t.Detail))
            .ToListAsync(cancellationToken);
    }
}

internal sealed class ListReturnsQueryHandler(ReturnsDbContext db, ReturnsAccess access) : IRequestHandler<ListReturnsQuery, PagedResult<ReturnSummaryDto>>
{
    public async Task<PagedResult<ReturnSummaryDto>> Handle(ListReturnsQuery request, CancellationToken cancellationToken)
    {
        var query = access.Visible(db.Returns.AsNoTracking());
        if (request.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(request.CustomerEmail))
        {
            var email = request.CustomerEmail.Trim().ToLowerInvariant();
            query = query.Where(r => r.CustomerEmail == email);
        }

        if (!string.IsNullOrWhiteSpace(request.RmaNumber))
        {
            var number = request.RmaNumber.Trim().ToUpperInvariant();
            query = query.Where(r => r.RmaNumber == number);
        }

        if (request.OrderId is { } orderId)
        {
            query = query.Where(r => r.OrderId == orderId);
        }

        if (request.InspectionOverdue is { } overdue)
        {
            query = overdue ? query.Where(r => r.InspectionOverdueSince != null && r.Status == ReturnStatus.Received) : query.Where(r => r.InspectionOverdueSince == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.SequenceNumber)
            .Skip(request.Page.Skip).Take(request.Page.PageSize)
            .Select(r => new ReturnSummaryDto(r.Id, r.RmaNumber, r.Status, r.OrderNumber, r.CustomerEmail, r.Resolution, r.CreatedAt, r.InspectionOverdueSince))
            .ToListAsync(cancellationToken);
        return new PagedResult<ReturnSummaryDto>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
