using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.Webhooks.ListWebhooks;

internal sealed record ListWebhooksQuery(PageRequest Page) : IQuery<PagedResult<WebhookSubscriptionDto>>;

internal sealed record GetWebhookQuery(Guid Id) : IQuery<(WebhookSubscriptionDto Subscription, int Version)>;

internal sealed class ListWebhooksQueryHandler(NotificationsDbContext db)
    : IRequestHandler<ListWebhooksQuery, PagedResult<WebhookSubscriptionDto>>,
      IRequestHandler<GetWebhookQuery, (WebhookSubscriptionDto Subscription, int Version)>
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

    public async Task<(WebhookSubscriptionDto Subscription, int Version)> Handle(GetWebhookQuery request, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", request.Id);
        return (subscription.ToDto(), subscription.Version);
    }
}
