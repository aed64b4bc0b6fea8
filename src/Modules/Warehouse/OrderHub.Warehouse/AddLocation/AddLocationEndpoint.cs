using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.AddLocation;

internal static class AddLocationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{code}/locations", async Task<Created<LocationDto>> (string code, AddLocationRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var location = await mediator.Send(new AddLocationCommand(code, request.Code, request.Type, request.Sku), ct);
                return TypedResults.Created($"/api/v1/warehouses/{code}/locations", location);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("AddLocation")
            .WithSummary("Add a typed storage location to a warehouse")
            .WithDescription("Only Pick and Bulk locations hold sellable stock. 404 for an unknown warehouse, 409 when the location code is taken anywhere.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
