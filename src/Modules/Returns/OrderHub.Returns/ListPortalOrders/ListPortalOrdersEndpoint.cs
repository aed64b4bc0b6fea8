using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ListPortalOrders;

internal static class ListPortalOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/orders", async Task<Ok<PagedResult<PortalOrderDto>>> ([FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPortalOrdersQuery(PageRequest.From(page, pageSize)), ct)))
            .RequireAuthorization(ReturnsAuthorization.PortalPolicy)
            .WithTags("Returns")
            .WithStandardProblems()
            .WithName("ListPortalOrders")
            .WithSummary("The portal session customer's orders that still have something to return")
            .WithDescription("X-Portal-Token only. Every delivered order of the email the session was opened with, in the storefront of the order it was opened from, that has a returnable line, newest first, each line with its verdict as returnable-lines gives it. Items of several of these orders can go back in one return (POST /returns with orderId on each line).")
            .ProducesValidationProblem();
}
