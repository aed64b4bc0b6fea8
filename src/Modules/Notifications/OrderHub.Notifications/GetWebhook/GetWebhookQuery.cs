using OrderHub.BuildingBlocks.Application;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.GetWebhook;

internal sealed record GetWebhookQuery(Guid Id) : IQuery<(WebhookSubscriptionDto Subscription, int Version)>;
