using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturn;

internal static class GetReturnEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", async Task<Ok<ReturnDto>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                ReturnResults.OkWithETag(response, await mediator.Send(new GetReturnQuery(id), ct)))
            .RequireAuthorization(ReturnsAuthorization.ReadPolicy)
            .WithName("GetReturn")
            .WithSummary("Get a return")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
