using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Analytics.RebuildReadModel;

internal static class RebuildReadModelEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/rebuild", async Task<Ok<RebuildResultDto>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RebuildReadModelCommand(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("RebuildReturnsAnalytics")
            .WithSummary("Rebuild the returns analytics from scratch (admin)")
            .WithDescription("Empties the analytics read model and refills it from every delivered order and every return, in one transaction; "
                + "events arriving meanwhile are applied after it, once. Analytics reads wait while it runs.");
}
