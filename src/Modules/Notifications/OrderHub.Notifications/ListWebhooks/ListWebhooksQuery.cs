using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.ListWebhooks;

internal sealed record ListWebhooksQuery(PageRequest Page) : IQuery<PagedResult<WebhookSubscriptionDto>>;
