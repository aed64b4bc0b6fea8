using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.ListReturningCustomers;

internal static class ListReturningCustomersEndpoint
{
    private static readonly string[] Header = ["customerEmail", "ordersDelivered", "unitsSold", "returns", "unitsReturned", "returnRate"];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/customers", async Task<IResult> (
                string? from, string? to, string? storefront, int? page, int? pageSize,
                HttpRequest request, ICurrentActor actor, TimeProvider clock, IMediator mediator, CancellationToken ct) =>
            {
                var window = AnalyticsWindow.Resolve(from, to, storefront, actor, clock);
                var customers = await mediator.Send(new ListReturningCustomersQuery(window, PageRequest.From(page, pageSize)), ct);
                return AnalyticsCsv.Wanted(request)
                    ? AnalyticsCsv.Write(Header, customers.Items.Select(c => new[]
                    {
                        c.CustomerEmail, AnalyticsCsv.Number(c.OrdersDelivered), AnalyticsCsv.Number(c.UnitsSold), AnalyticsCsv.Number(c.Returns),
                        AnalyticsCsv.Number(c.UnitsReturned), AnalyticsCsv.Number(c.ReturnRate),
                    }))
                    : TypedResults.Ok(customers);
            })
            .WithName("ListReturningCustomers")
            .WithSummary("Customers by return rate: the serial-returner view")
            .WithDescription("Each customer (by email) with orders delivered and units sold in the window, and returns requested in it (not rejected, "
                + "cancelled or expired) with their units; highest rate first, customers with returns but no delivery in the window last. Paged "
                + "(?page=&pageSize=); ?from=&to=&storefront= as for the summary. Accept: text/csv gives the page's rows as CSV.")
            .Produces<PagedResult<ReturningCustomerDto>>(StatusCodes.Status200OK, "application/json", AnalyticsContracts.CsvMediaType)
            .ProducesValidationProblem();
}
