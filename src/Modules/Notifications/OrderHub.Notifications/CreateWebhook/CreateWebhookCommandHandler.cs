using MediatR;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.CreateWebhook;

internal sealed class CreateWebhookCommandHandler(NotificationsDbContext db, UnitOfWork unitOfWork, ActiveSubscriptionsCache subscriptions, TimeProvider clock)
    : IRequestHandler<CreateWebhookCommand, WebhookSubscriptionDto>
{
    public Task<WebhookSubscriptionDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var request = command.Request;
        var subscription = WebhookSubscription.Create(request.Url!.Trim(), request.Events!, request.Secret!, clock.GetUtcNow().UtcDateTime);
        db.WebhookSubscriptions.Add(subscription);
        subscriptions.DropWhenEnded(unitOfWork);
        return Task.FromResult(subscription.ToDto());
    }
}
