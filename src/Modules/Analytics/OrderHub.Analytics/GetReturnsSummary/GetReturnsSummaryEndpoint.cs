using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Analytics.GetReturnsSummary;

internal static class GetReturnsSummaryEndpoint
{
    private static readonly string[] Header =
    [
        "from", "to", "storefront", "ordersDelivered", "unitsSold", "unitsReturned", "returnRate", "refundTotal", "storeCreditTotal", "exchangeCount", "keepItCount",
        "byResolution.Refund", "byResolution.StoreCredit", "byResolution.Exchange",
        "byDisposition.Restock", "byDisposition.Refurbish", "byDisposition.Dispose", "byDisposition.ReturnToVendor",
    ];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/summary", async Task<IResult> (
                string? from, string? to, string? storefront, HttpRequest request, ICurrentActor actor, TimeProvider clock, IMediator mediator, CancellationToken ct) =>
            {
                var summary = await mediator.Send(new GetReturnsSummaryQuery(AnalyticsWindow.Resolve(from, to, storefront, actor, clock)), ct);
                return AnalyticsCsv.Wanted(request)
                    ? AnalyticsCsv.Write(Header, [Record(summary)])
                    : TypedResults.Ok(summary);
            })
            .WithName("GetReturnsSummary")
            .WithSummary("Return rate, money and dispositions of a window of days")
            .WithDescription("?from=&to= are dates (yyyy-MM-dd, UTC, both included; default the last 90 days, at most 366). Deliveries count on their "
                + "delivery day; returns, with their refunds, store credit and dispositions, on the day they were requested, unless rejected, cancelled "
                + "or expired. returnRate = unitsReturned / unitsSold. ?storefront= narrows to one storefront; a storefront key always sees only its own. "
                + "Accept: text/csv gives the same figures as one CSV record under a header.")
            .Produces<ReturnsSummaryDto>(StatusCodes.Status200OK, "application/json", AnalyticsContracts.CsvMediaType)
            .ProducesValidationProblem();

    private static string[] Record(ReturnsSummaryDto s) =>
    [
        s.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        s.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        s.Storefront ?? string.Empty,
        AnalyticsCsv.Number(s.OrdersDelivered), AnalyticsCsv.Number(s.UnitsSold), AnalyticsCsv.Number(s.UnitsReturned), AnalyticsCsv.Number(s.ReturnRate),
        AnalyticsCsv.Money(s.RefundTotal), AnalyticsCsv.Money(s.StoreCreditTotal), AnalyticsCsv.Number(s.ExchangeCount), AnalyticsCsv.Number(s.KeepItCount),
        .. s.ByResolution.Values.Select(v => AnalyticsCsv.Number(v)),
        .. s.ByDisposition.Values.Select(v => AnalyticsCsv.Number(v)),
    ];
}
