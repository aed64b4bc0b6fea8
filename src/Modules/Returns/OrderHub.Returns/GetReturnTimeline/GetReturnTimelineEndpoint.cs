using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturnTimeline;

internal static class GetReturnTimelineEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/timeline", async Task<Ok<IReadOnlyList<ReturnTimelineEntryDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReturnTimelineQuery(id), ct)))
            .RequireAuthorization(ReturnsAuthorization.ReadPolicy)
            .WithName("GetReturnTimeline")
            .WithSummary("Every state change of the return with time and actor")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
