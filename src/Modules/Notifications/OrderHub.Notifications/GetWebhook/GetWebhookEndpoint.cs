using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.GetWebhook;

internal static class GetWebhookEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<WebhookSubscriptionDto>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var (subscription, version) = await mediator.Send(new GetWebhookQuery(id), ct);
                ETags.Set(response, version);
                return TypedResults.Ok(subscription);
            })
            .WithName("GetWebhook")
            .WithSummary("Get a webhook subscription")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
