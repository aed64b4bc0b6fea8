using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.ListNotifications;

internal static class ListNotificationsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet(string.Empty, async Task<Ok<PagedResult<NotificationDto>>> (
                [FromQuery] string? customerEmail,
                [FromQuery] Guid? orderId,
                [FromQuery] Guid? returnId,
                [FromQuery] DeliveryStatus? status,
                [FromQuery] int? page,
                [FromQuery] int? pageSize,
                IMediator mediator,
                CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNotificationsQuery(customerEmail, orderId, returnId, status, PageRequest.From(page, pageSize)), ct)))
            .WithName("ListNotifications")
            .WithSummary("Every message sent (or being sent) to customers")
            .WithDescription("Filters: customerEmail, orderId, returnId, status (Pending, Sent, Dead). Each entry shows channel, template, "
                + "locale, status, attempts and sentAt; pending entries show when the next attempt is due. Newest first.")
            .ProducesValidationProblem();
}
