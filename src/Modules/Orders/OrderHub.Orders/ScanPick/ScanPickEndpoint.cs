using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.ScanPick;

internal static class ScanPickEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/scans", async Task<Ok<PickScanResultDto>> (Guid id, ScanPickRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ScanPickCommand(id, request), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("ScanPick")
            .WithSummary("Pick units by scanning a GTIN barcode, a SKU or an item's SGTIN-96 EPC")
            .WithDescription("Picks `quantity` (default 1; an EPC is one item) for the first line in walk order that wants the scanned SKU, "
                + "narrowed by `locationCode` or `orderLineId` when given, and answers what is left to pick. A GTIN's check digit is verified and "
                + "an EPC's GTIN names the SKU (a malformed one → 422). A code the list does not want → 422 with `expected` (SKU, location, remaining); "
                + "more than the line has left → 422 (`over-pick`); a completed list → 409. Send an Idempotency-Key so a retried scan counts once.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
