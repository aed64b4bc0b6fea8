using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.ListOrders;

internal static class ListOrdersEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<PagedResult<OrderSummaryDto>>> (
                [FromQuery] OrderStatus? status,
                [FromQuery] string? customerEmail,
                [FromQuery] string? storefront,
                [FromQuery] DateTime? createdFrom,
                [FromQuery] DateTime? createdTo,
                [FromQuery] string? sort,
                [FromQuery] int? page,
                [FromQuery] int? pageSize,
                IMediator mediator,
                CancellationToken ct) =>
            {
                var sortKey = sort ?? "-createdAt";
                if (!OrderSort.Allowed.Contains(sortKey))
                {
                    throw RequestValidationException.For("sort", $"sort must be one of: {string.Join(", ", OrderSort.Allowed)}.");
                }

                return TypedResults.Ok(await mediator.Send(
                    new ListOrdersQuery(status, customerEmail, storefront, createdFrom, createdTo, sortKey, PageRequest.From(page, pageSize)), ct));
            })
            .RequireAuthorization(Policies.Read)
            .WithName("ListOrders")
            .WithSummary("List orders, filtered and paged")
            .WithDescription("Filters: status, customerEmail, storefront, createdFrom (inclusive), createdTo (exclusive). Sort: createdAt, -createdAt (default), number, -number.")
            .ProducesValidationProblem();
}
