using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ApproveReturn;

internal static class ApproveReturnEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/approve", async Task<Ok<ReturnDto>> (Guid id, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                ReturnResults.OkWithETag(response, await mediator.Send(new ApproveReturnCommand(id, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("ApproveReturn")
            .WithSummary("Approve a requested return")
            .WithDescription("Expects the parcel (inboundReturns), reserves an exchange replacement, completes keep-it returns. Accepts If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
