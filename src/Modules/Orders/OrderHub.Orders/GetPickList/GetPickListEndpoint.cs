using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.GetPickList;

internal static class GetPickListEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<PickListDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPickListQuery(id), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("GetPickList")
            .WithSummary("A pick list with what is picked and what remains on each line")
            .WithDescription("Lines in walk order with `quantity`, `pickedQuantity`, `remaining` and `ended` (the order's units there shipped, were "
                + "short-shipped or cancelled); `status` is Completed once nothing remains.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
