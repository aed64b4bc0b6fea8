using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace OrderHub.Notifications.DeactivateWebhook;

internal static class DeactivateWebhookEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeactivateWebhookCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("DeactivateWebhook")
            .WithSummary("Deactivate a subscription")
            .WithDescription("Nothing more is delivered to it; pending deliveries are abandoned. The subscription and its delivery log stay readable.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
