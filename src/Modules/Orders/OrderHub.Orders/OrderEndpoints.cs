using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.CancelOrder;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.DeliverOrder;
using OrderHub.Orders.GetOrder;
using OrderHub.Orders.ListOrders;
using OrderHub.Orders.PlaceOrder;
using OrderHub.Orders.ShipOrder;

namespace OrderHub.Orders;

internal static class OrderEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/v1/orders").WithTags("Orders").WithStandardProblems();

        PlaceOrderEndpoint.Map(orders);

        orders.MapGet("/{id:guid}", async Task<Ok<OrderDto>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new GetOrderQuery(id, null), ct)))
            .RequireAuthorization(Policies.Read)
            .WithName("GetOrder")
            .WithSummary("Get an order with its lines and shipments")
            .WithDescription("The ETag header carries the order's version; send it as If-Match on state changes.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapGet("/by-number/{number}", async Task<Ok<OrderDto>> (string number, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new GetOrderQuery(null, number), ct)))
            .RequireAuthorization(Policies.Read)
            .WithName("GetOrderByNumber")
            .WithSummary("Get an order by its number, e.g. OH-000123")
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapGet("/", async Task<Ok<PagedResult<OrderSummaryDto>>> (
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

        orders.MapGet("/{id:guid}/timeline", async Task<Ok<IReadOnlyList<OrderTimelineEntryDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrderTimelineQuery(id), ct)))
            .RequireAuthorization(Policies.Read)
            .WithName("GetOrderTimeline")
            .WithSummary("Every state change of the order with its time and actor")
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{id:guid}/shipments", async Task<Created<ShipmentDto>> (Guid id, ShipOrderRequest request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
            {
                var (shipment, version) = await mediator.Send(new ShipOrderCommand(id, request, ETags.ExpectedVersion(http)), ct);
                ETags.Set(response, version);
                return TypedResults.Created($"/api/v1/orders/{id}", shipment);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("ShipOrder")
            .WithSummary("Record a shipment of some or all remaining units")
            .WithDescription("Consumes the reservation: reserved and on-hand stock drop. Status becomes PartiallyShipped or Shipped. Accepts If-Match.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        orders.MapPost("/{id:guid}/delivery", async Task<Ok<OrderDto>> (Guid id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] DeliverOrderRequest? request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new DeliverOrderCommand(id, request?.DeliveredAt, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithName("DeliverOrder")
            .WithSummary("Record delivery; starts the return window")
            .WithDescription("Only a fully shipped order can be delivered. deliveredAt defaults to now and may not lie in the future. Accepts If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        orders.MapPost("/{id:guid}/cancel", async Task<Ok<OrderDto>> (Guid id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] CancelOrderRequest? request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new CancelOrderCommand(id, request?.Reason, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(Policies.StaffOrStorefront)
            .WithName("CancelOrder")
            .WithSummary("Cancel an order before anything shipped")
            .WithDescription("Releases every reservation. 409 once anything has shipped or when already cancelled. Accepts If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static Ok<OrderDto> WithETag(HttpResponse response, OrderDto order)
    {
        ETags.Set(response, order.Version);
        return TypedResults.Ok(order);
    }
}
