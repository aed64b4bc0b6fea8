using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.ListWebhookDeliveries;

/// <summary>A subscription's delivery log, newest first, with every attempt and its response code.</summary>
internal sealed class ListWebhookDeliveriesQueryHandler(NotificationsDbContext db)
    : IRequestHandler<ListWebhookDeliveriesQuery, PagedResult<WebhookDeliveryDto>>
{
    public async Task<PagedResult<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == request.SubscriptionId, cancellationToken))
        {
            throw new NotFoundException("Webhook subscription", request.SubscriptionId);
        }

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == request.SubscriptionId);
        if (request.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .Skip(request.Page.Skip)
            .Take(request.Page.PageSize)
            .Select(WebhookMapping.DeliveryProjection)
            .ToListAsync(cancellationToken);
        return new PagedResult<WebhookDeliveryDto>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
