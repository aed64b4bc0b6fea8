using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.ListWarehouses;

internal static class ListWarehousesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<PagedResult<WarehouseDto>>> (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListWarehousesQuery(PageRequest.From(page, pageSize)), ct)))
            .WithName("ListWarehouses")
            .WithSummary("All warehouses with their address and priority")
            .WithDescription("In allocation order: lowest priority first, then by code.")
            .ProducesValidationProblem();
}
