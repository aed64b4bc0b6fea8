using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory;

/// <summary>What the receipt, adjustment and transfer endpoints share; each names and describes its own route.</summary>
internal static class StockChangeEndpoint
{
    /// <summary>A POST that changes stock: staff only, idempotent, 201 with the movements and the new figures.</summary>
    public static RouteHandlerBuilder MapStockChange<TRequest>(
        this RouteGroupBuilder group,
        string pattern,
        Func<TRequest, string, ICommand<StockChangeResponse>> command)
        where TRequest : class =>
        group.MapPost(pattern, async Task<Created<StockChangeResponse>> (TRequest? request, ICurrentActor actor, IMediator mediator, CancellationToken ct) =>
            {
                // The body of a generic handler binds as optional, so a missing or null body arrives here.
                if (request is null)
                {
                    throw RequestValidationException.For(InputProblems.BodyField, InputProblems.BodyRequired);
                }

                var result = await mediator.Send(command(request, actor.Name), ct);
                return TypedResults.Created($"/api/v1/inventory/{result.Stock.Sku}", result);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
