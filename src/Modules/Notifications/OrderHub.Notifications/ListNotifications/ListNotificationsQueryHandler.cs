using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.ListNotifications;

/// <summary>The notification log, newest first. A storefront key sees only its own storefront's customers.</summary>
internal sealed class ListNotificationsQueryHandler(NotificationsDbContext db, ICurrentActor actor)
    : IRequestHandler<ListNotificationsQuery, PagedResult<NotificationDto>>
{
    public async Task<PagedResult<NotificationDto>> Handle(ListNotificationsQuery request, CancellationToken cancellationToken)
    {
        var query = db.Notifications.AsNoTracking();
        if (actor.IsInRole(Roles.Storefront))
        {
            query = query.Where(n => n.Storefront == actor.Storefront);
        }

        if (!string.IsNullOrWhiteSpace(request.CustomerEmail))
        {
            var email = request.CustomerEmail.Trim().ToLowerInvariant();
            query = query.Where(n => n.Recipient == email);
        }

        if (request.OrderId is { } orderId)
        {
            query = query.Where(n => n.OrderId == orderId);
        }

        if (request.ReturnId is { } returnId)
        {
            query = query.Where(n => n.ReturnId == returnId);
        }

        if (request.Status is { } status)
        {
            query = query.Where(n => n.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id)
            .Skip(request.Page.Skip)
            .Take(request.Page.PageSize)
            .Select(n => new NotificationDto(
                n.Id, n.Channel, n.Template, n.Locale, n.Status, n.Attempts, n.Recipient, n.Subject,
                n.OrderId, n.OrderNumber, n.ReturnId, n.RmaNumber, n.CreatedAt, n.SentAt,
                n.Status == DeliveryStatus.Pending ? n.NextAttemptAt : null,
                n.LastError))
            .ToListAsync(cancellationToken);
        return new PagedResult<NotificationDto>(items, request.Page.Page, request.Page.PageSize, total);
    }
}
