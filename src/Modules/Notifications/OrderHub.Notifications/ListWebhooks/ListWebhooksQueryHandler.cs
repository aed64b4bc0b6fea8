using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.ListWebhooks;

internal sealed class ListWebhooksQueryHandler(NotificationsDbContext db)
    : IRequestHandler<ListWebhooksQuery, PagedResult<WebhookSubscriptionDto>>
{
    public async Task<PagedResult<WebhookSubscriptionDto>> Handle(ListWebhooksQuery request, CancellationToken cancellationToken)
    {
        var query = db.WebhookSubscriptions.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip(request.Page.Skip)
            .Take(request.Page.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<WebhookSubscriptionDto>(page.Select(s => s.ToDto()).ToList(), request.Page.Page, request.Page.PageSize, total);
    }
}
