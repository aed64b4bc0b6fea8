using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.CancelReturn;

internal static class CancelReturnEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/cancel", async Task<Ok<ReturnDto>> (Guid id, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                ReturnResults.OkWithETag(response, await mediator.Send(new CancelReturnCommand(id, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(ReturnsAuthorization.CreatePolicy)
            .WithName("CancelReturn")
            .WithSummary("Withdraw a return before it is received")
            .WithDescription("Releases the expected parcel and any exchange reservation.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
