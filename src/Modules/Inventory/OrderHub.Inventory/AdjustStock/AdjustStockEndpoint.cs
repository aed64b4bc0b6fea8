using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.AdjustStock;

internal static class AdjustStockEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapStockChange<AdjustStockRequest>(
                "/adjustments",
                (r, actor) => new AdjustStockCommand(r.Sku, r.LocationCode, r.QuantityDelta, r.Reason, actor))
            .WithName("AdjustStock")
            .WithSummary("Adjust the stock of a location with a reason code")
            .WithDescription("Writes an Adjustment movement. 409 when the change would take on-hand below zero or below what is reserved there.");
}
