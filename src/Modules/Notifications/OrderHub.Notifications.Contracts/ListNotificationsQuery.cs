using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Notifications.Contracts;

/// <summary>The notification log, newest first (<c>GET /api/v1/notifications</c>).</summary>
public sealed record ListNotificationsQuery(string? CustomerEmail, Guid? OrderId, Guid? ReturnId, DeliveryStatus? Status, PageRequest Page)
    : IQuery<PagedResult<NotificationDto>>;
