using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.ListNotifications;

internal sealed record ListNotificationsQuery(string? CustomerEmail, Guid? OrderId, Guid? ReturnId, DeliveryStatus? Status, PageRequest Page)
    : IQuery<PagedResult<NotificationDto>>;
