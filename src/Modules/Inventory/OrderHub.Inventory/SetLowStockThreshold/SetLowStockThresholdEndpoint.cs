using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.SetLowStockThreshold;

internal static class SetLowStockThresholdEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/{sku}/low-stock-threshold", async Task<Ok<SkuDto>> (string sku, LowStockThresholdRequest request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var (dto, version) = await mediator.Send(new SetLowStockThresholdCommand(sku, request.Threshold, ETags.ExpectedVersion(http)), ct);
                ETags.Set(response, version);
                return TypedResults.Ok(dto);
            })
            .RequireAuthorization(Policies.Staff)
            .WithName("SetLowStockThreshold")
            .WithSummary("Set or clear the low-stock alert of a SKU")
            .WithDescription("When a stock change takes available stock from above the threshold to at or below it, the integration event StockLow (webhook stock.low) is raised once. Accepts If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
