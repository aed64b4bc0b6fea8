using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Notifications.Contracts;

/// <summary>Sends a webhook delivery again (<c>POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver</c>); staff only.</summary>
public sealed record RedeliverWebhookCommand(Guid SubscriptionId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>;
