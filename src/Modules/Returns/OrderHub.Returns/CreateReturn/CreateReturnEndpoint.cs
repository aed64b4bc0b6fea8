using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.CreateReturn;

internal static class CreateReturnEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<ReturnDto>> (CreateReturnRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var rma = await mediator.Send(new CreateReturnCommand(body), ct);
                ETags.Set(response, rma.Version);
                return TypedResults.Created($"/api/v1/returns/{rma.Id}", rma);
            })
            .RequireAuthorization(ReturnsAuthorization.CreatePolicy)
            .WithIdempotency()
            .WithName("CreateReturn")
            .WithSummary("Request a return")
            .WithDescription("Judged by the current policy: 201 Requested (or Approved when auto-approved, Completed when every line is keep-it); 422 with the reasons per line when something is not returnable.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
