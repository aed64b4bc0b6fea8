using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.ListWebhooks;

internal static class ListWebhooksEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<PagedResult<WebhookSubscriptionDto>>> ([FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(PageRequest.From(page, pageSize)), ct)))
            .WithName("ListWebhooks")
            .WithSummary("List webhook subscriptions, active and deactivated; secrets are never shown")
            .ProducesValidationProblem();
}
