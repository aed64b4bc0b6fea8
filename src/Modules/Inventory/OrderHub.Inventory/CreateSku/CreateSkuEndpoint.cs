using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.CreateSku;

internal static class CreateSkuEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<SkuDto>> (CreateSkuRequest r, IMediator mediator, CancellationToken ct) =>
            {
                var sku = await mediator.Send(new CreateSkuCommand(r.Sku, r.Name, r.Category, r.Barcode, r.UnitPrice, r.Returnable, r.LowStockThreshold), ct);
                return TypedResults.Created($"/api/v1/skus/{sku.Sku}", sku);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("CreateSku")
            .WithSummary("Add a SKU to the catalogue")
            .WithDescription("409 when the SKU code or the barcode is already taken.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
