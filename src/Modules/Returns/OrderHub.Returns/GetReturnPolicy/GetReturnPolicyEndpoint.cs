using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturnPolicy;

internal static class GetReturnPolicyEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<ReturnPolicyDto>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetReturnPolicyQuery(), ct)))
            .RequireAuthorization(AuthPolicies.Read)
            .WithName("GetReturnPolicy")
            .WithSummary("The return policy in force (its version included)");
}
