using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.CreateWarehouse;

internal static class CreateWarehouseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<WarehouseDto>> (CreateWarehouseRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var warehouse = await mediator.Send(new CreateWarehouseCommand(request.Code, request.Name, request.Address), ct);
                return TypedResults.Created($"/api/v1/warehouses/{warehouse.Code}", warehouse);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("CreateWarehouse")
            .WithSummary("Create a warehouse with its address")
            .WithDescription("The address is the return-to address printed on return labels. 409 when the code is taken.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
