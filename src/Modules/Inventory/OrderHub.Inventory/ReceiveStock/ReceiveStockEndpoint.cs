using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ReceiveStock;

internal static class ReceiveStockEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapStockChange<ReceiveStockRequest>(
                "/receipts",
                (r, actor) => new ReceiveStockCommand(r.Sku, r.LocationCode, r.Quantity, r.Reference, actor))
            .WithName("ReceiveStock")
            .WithSummary("Receive goods into a location")
            .WithDescription("Writes a Receipt movement. 404 for an unknown SKU or location; 400 for a missing or non-positive quantity.");
}
