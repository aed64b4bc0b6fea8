using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.CreatePickList;

internal static class CreatePickListEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{code}/pick-lists", async Task<Created<PickListDto>> (string code, CreatePickListRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var list = await mediator.Send(new CreatePickListCommand(code, request), ct);
                return TypedResults.Created($"/api/v1/pick-lists/{list.Id}", list);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("CreatePickList")
            .WithSummary("Make a pick list of the units allocated to a warehouse that are still to ship")
            .WithDescription("Takes the named `orderIds`, or else the oldest orders with units to pick there, at most `max` orders (default 25, at most 200). "
                + "Lines (`orderId, orderLineId, sku, locationCode, quantity`) come in walk order: by location code, then SKU, then order. "
                + "Units already on a list (open, or picked and not shipped) are left out, so two pickers never get the same units. "
                + "Unknown warehouse or order → 404; a named order with nothing to pick there → 422 naming why; nothing to pick at all → 422.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
