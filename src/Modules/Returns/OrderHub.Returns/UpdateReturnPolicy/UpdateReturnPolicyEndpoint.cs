using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.UpdateReturnPolicy;

internal static class UpdateReturnPolicyEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/", async Task<Ok<ReturnPolicyDto>> (UpdateReturnPolicyRequest body, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new UpdateReturnPolicyCommand(body), ct)))
            .RequireAuthorization(AuthPolicies.Admin)
            .WithName("UpdateReturnPolicy")
            .WithSummary("Store a new version of the return policy")
            .WithDescription("Every PUT creates a new version and never changes an old one; returns already requested keep the version they were judged under "
                + "for every amount (estimate, fees, bonus, refund, store credit) and rule (days to ship). "
                + "A field left out keeps the value of the version in force, so a GET document can be changed and sent back. "
                + "An empty list or object clears it ([] for no non-returnable SKUs). null is \"none\" for autoApproveMaxOrderValue, keepItThreshold and "
                + "returnWarehouseCode, and 400 naming the field for any other. version, createdAt and createdBy are ignored. "
                + "A returnWarehouseCode that names no warehouse is 422 (code unknown-warehouse, with field and value) and stores nothing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
