using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders;

internal static class OrderResponses
{
    /// <summary>An order with its version as ETag, for the client's next If-Match.</summary>
    public static Ok<OrderDto> WithETag(HttpResponse response, OrderDto order)
    {
        ETags.Set(response, order.Version);
        return TypedResults.Ok(order);
    }
}
