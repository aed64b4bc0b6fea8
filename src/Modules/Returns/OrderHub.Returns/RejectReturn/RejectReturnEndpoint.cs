using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.RejectReturn;

internal static class RejectReturnEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/reject", async Task<Ok<ReturnDto>> (Guid id, RejectReturnRequest body, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                ReturnResults.OkWithETag(response, await mediator.Send(new RejectReturnCommand(id, body.Reason, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("RejectReturn")
            .WithSummary("Reject a requested return with a reason the customer will read")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
