using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.ListWebhookDeliveries;

internal sealed record ListWebhookDeliveriesQuery(Guid SubscriptionId, DeliveryStatus? Status, PageRequest Page) : IQuery<PagedResult<WebhookDeliveryDto>>;
