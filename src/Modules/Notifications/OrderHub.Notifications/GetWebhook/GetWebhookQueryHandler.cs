using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.GetWebhook;

internal sealed class GetWebhookQueryHandler(NotificationsDbContext db)
    : IRequestHandler<GetWebhookQuery, (WebhookSubscriptionDto Subscription, int Version)>
{
    public async Task<(WebhookSubscriptionDto Subscription, int Version)> Handle(GetWebhookQuery request, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", request.Id);
        return (subscription.ToDto(), subscription.Version);
    }
}
