using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.ListWebhookDeliveries;

internal static class ListWebhookDeliveriesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/deliveries", async Task<Ok<PagedResult<WebhookDeliveryDto>>> (
                Guid id, [FromQuery] DeliveryStatus? status, [FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWebhookDeliveriesQuery(id, status, PageRequest.From(page, pageSize)), ct)))
            .WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log of a subscription: attempts, response codes and the next retry")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
