using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ListReturnPolicyVersions;

internal static class ListReturnPolicyVersionsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/versions", async Task<Ok<PagedResult<ReturnPolicyDto>>> (
                [FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReturnPolicyVersionsQuery(PageRequest.From(page, pageSize)), ct)))
            .RequireAuthorization(AuthPolicies.Read)
            .WithName("ListReturnPolicyVersions")
            .WithSummary("Every version of the return policy ever in force, newest first")
            .WithDescription("Each with createdAt and createdBy (the key that stored it); version 1 is the built-in default. Versions never change once stored.")
            .ProducesValidationProblem();
}
