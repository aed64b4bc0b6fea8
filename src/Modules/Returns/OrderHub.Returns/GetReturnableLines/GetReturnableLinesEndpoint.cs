using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturnableLines;

internal static class GetReturnableLinesEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/returnable-lines", async Task<Ok<IReadOnlyList<ReturnableLineDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReturnableLinesQuery(id), ct)))
            .RequireAuthorization(ReturnsAuthorization.ReadPolicy)
            .WithTags("Returns")
            .WithStandardProblems()
            .WithName("GetReturnableLines")
            .WithSummary("What can still be returned from an order, until when, and why not")
            .WithDescription("Per line: returnable quantity (shipped minus what is on open or completed returns), deadline, and every reason in words a customer understands. Accepts X-Portal-Token.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
