using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Notifications.DeactivateWebhook;

internal sealed record DeactivateWebhookCommand(Guid Id) : ICommand<bool>;
