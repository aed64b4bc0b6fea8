using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.InspectReturn;

internal static class InspectReturnEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/inspection", async Task<Ok<ReturnDto>> (Guid id, InspectReturnRequest body, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                ReturnResults.OkWithETag(response, await mediator.Send(new InspectReturnCommand(id, body, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("InspectReturn")
            .WithSummary("Grade each line; stock moves to where its disposition belongs")
            .WithDescription("Restocked units are available when this call returns. Records the refund, store credit or exchange order; status Completed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
