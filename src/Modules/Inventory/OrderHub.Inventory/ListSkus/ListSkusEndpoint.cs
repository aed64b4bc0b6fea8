using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ListSkus;

internal static class ListSkusEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<PagedResult<SkuDto>>> (string? barcode, string? category, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSkusQuery(barcode, category, PageRequest.From(page, pageSize)), ct)))
            .WithName("ListSkus")
            .WithSummary("List SKUs, optionally by barcode (scanner lookup) or category");
}
