using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturnPolicyVersion;

internal static class GetReturnPolicyVersionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/versions/{version:int}", async Task<Ok<ReturnPolicyDto>> (int version, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReturnPolicyVersionQuery(version), ct)))
            .RequireAuthorization(AuthPolicies.Read)
            .WithName("GetReturnPolicyVersion")
            .WithSummary("One version of the return policy, as it was stored")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
