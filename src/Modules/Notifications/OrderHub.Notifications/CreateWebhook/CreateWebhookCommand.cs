using OrderHub.BuildingBlocks.Application;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.CreateWebhook;

internal sealed record CreateWebhookCommand(CreateWebhookRequest Request) : ICommand<WebhookSubscriptionDto>;
