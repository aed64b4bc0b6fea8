using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.OpenPortalSession;

internal static class OpenPortalSessionEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/sessions", async Task<Created<PortalSessionDto>> (PortalSessionRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var session = await mediator.Send(new OpenPortalSessionCommand(body.OrderNumber, body.Email), ct);
                return TypedResults.Created($"/api/v1/orders/{session.OrderId}/returnable-lines", session);
            })
            .RequireAuthorization(AuthPolicies.StaffOrStorefront)
            .WithTags("Returns")
            .WithStandardProblems()
            .WithName("OpenPortalSession")
            .WithSummary("Open a customer self-service session from order number and email")
            .WithDescription("Answers 404 unless both match. The token (header X-Portal-Token) opens the returnable lines, new returns and returns of that order and of the same customer's other orders in its storefront (GET /api/v1/portal/orders lists them) — nothing else.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
