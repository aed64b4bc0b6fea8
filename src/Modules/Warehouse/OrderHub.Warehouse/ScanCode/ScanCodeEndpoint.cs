using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.ScanCode;

internal static class ScanCodeEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{code}", async Task<Ok<ScanResultDto>> (string code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ScanCodeQuery(code), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("ScanCode")
            .WithSummary("What a scanned code names: SKU, GTIN barcode, SGTIN-96 EPC, RMA number or return tracking number")
            .WithDescription("For scanning stations (admin and staff keys; other keys 403, since an RMA names a customer's return). "
                + "A SKU code wins; 24 hexadecimal digits are decoded as an SGTIN-96 EPC (GTIN-14, serial, pure-identity URI) and matched to the SKU whose barcode is that GTIN; "
                + "8, 12, 13 or 14 digits are a GTIN matched to the catalogue barcode in any length. "
                + "A GTIN with a wrong check digit or an EPC that is not an SGTIN-96 is 422 with the reason; a code that names nothing is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
