using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.ListReturns;

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
            query = query.Where(r => r.Lines.Any(l => l.OrderId == orderId));
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
