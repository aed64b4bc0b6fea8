using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.TransferStock;

internal static class TransferStockEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapStockChange<TransferStockRequest>(
                "/transfers",
                (r, actor) => new TransferStockCommand(r.Sku, r.FromLocationCode, r.ToLocationCode, r.Quantity, actor))
            .WithName("TransferStock")
            .WithSummary("Move units between locations")
            .WithDescription("Writes a TransferOut and a TransferIn movement. Reserved units stay put: 409 when the source has fewer unreserved units.");
}
