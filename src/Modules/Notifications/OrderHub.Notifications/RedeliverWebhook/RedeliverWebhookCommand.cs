using OrderHub.BuildingBlocks.Application;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.RedeliverWebhook;

internal sealed record RedeliverWebhookCommand(Guid SubscriptionId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>;
