using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Notifications.Contracts;

/// <summary>The delivery log of one subscription (<c>GET /api/v1/webhooks/{id}/deliveries</c>); staff only.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid SubscriptionId, DeliveryStatus? Status, PageRequest Page) : IQuery<PagedResult<WebhookDeliveryDto>>;
