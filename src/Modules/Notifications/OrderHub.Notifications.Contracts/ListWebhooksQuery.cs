using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Notifications.Contracts;

/// <summary>Webhook subscriptions, active and deactivated (<c>GET /api/v1/webhooks</c>); staff only.</summary>
public sealed record ListWebhooksQuery(PageRequest Page) : IQuery<PagedResult<WebhookSubscriptionDto>>;
