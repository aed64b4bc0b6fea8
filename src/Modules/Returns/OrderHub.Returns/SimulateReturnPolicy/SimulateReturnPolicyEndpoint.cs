using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.SimulateReturnPolicy;

internal static class SimulateReturnPolicyEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/simulations", async Task<Ok<ReturnPolicySimulationDto>> (SimulateReturnPolicyRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SimulateReturnPolicyQuery(body, body.Days ?? SimulateReturnPolicyRequest.DefaultDays), ct)))
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("SimulateReturnPolicy")
            .WithSummary("Replay recent returns under a candidate return policy, storing nothing")
            .WithDescription("The body is a policy document as PUT /api/v1/return-policy takes it (a field left out keeps the value of the version in force; "
                + "the same 400 naming the field, and 422 unknown-warehouse for a returnWarehouseCode that names no warehouse) plus days, the last N days "
                + "of returns to replay (1 to 730, default 90). Each return requested in that period is judged again by the live rules as of the moment it "
                + "was requested, against the order as Returns knows it and the catalogue as it is now, and compared with what it got under the version "
                + "stamped on it: which returns would be refused and why (the first 100), how many more or fewer would be approved at once, and refunds "
                + "(money or store credit as quoted at request; 0 for exchanges) and fees kept (restocking and return shipping), candidate minus actual, "
                + "per order currency (amounts in different currencies are never added up) and per SKU. A refused return counts 0 under the candidate. "
                + "No policy version, event or row is written.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
