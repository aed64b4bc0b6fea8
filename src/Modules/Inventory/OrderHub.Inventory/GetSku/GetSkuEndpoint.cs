using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.GetSku;

internal static class GetSkuEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{sku}", async Task<Ok<SkuDto>> (string sku, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var (dto, version) = await mediator.Send(new GetSkuQuery(sku), ct);
                ETags.Set(response, version);
                return TypedResults.Ok(dto);
            })
            .WithName("GetSku")
            .WithSummary("A SKU of the catalogue")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
