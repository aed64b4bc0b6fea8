using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.ListLocations;

internal static class ListLocationsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{code}/locations", async Task<Ok<PagedResult<LocationDto>>> (string code, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListLocationsQuery(code, PageRequest.From(page, pageSize)), ct)))
            .WithName("ListLocations")
            .WithSummary("The locations of a warehouse, by code")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
