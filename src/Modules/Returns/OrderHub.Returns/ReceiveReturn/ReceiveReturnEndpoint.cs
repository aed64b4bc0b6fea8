using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ReceiveReturn;

internal static class ReceiveReturnEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/receipts", async Task<Created<ReturnDto>> (ReceiveReturnRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var rma = await mediator.Send(new ReceiveReturnCommand(body.RmaNumber, body.WarehouseCode, body.Epc, body.TrackingNumber), ct);
                ETags.Set(response, rma.Version);
                return TypedResults.Created($"/api/v1/returns/{rma.Id}", rma);
            })
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("ReceiveReturn")
            .WithSummary("Dock scan of a return parcel by RMA number")
            .WithDescription("Status Received; the units land as non-sellable stock in the warehouse's Returns location and leave inboundReturns. A second scan of the same RMA is 409. "
                + "Instead of rmaNumber, the body may carry the label's trackingNumber or an item's SGTIN-96 epc (24 hexadecimal digits): the one open return awaiting that item's SKU, "
                + "409 with the candidates when several do, 404 when none does. Exactly one of the three, else 400.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
