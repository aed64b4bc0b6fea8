using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.GetReturnsByDimension;

internal static class GetReturnsByDimensionEndpoint
{
    private static readonly string[] Header = ["key", "unitsSold", "unitsReturned", "returnRate", "topReasons"];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/by", async Task<IResult> (
                string? dimension, string? from, string? to, string? storefront, int? page, int? pageSize,
                HttpRequest request, ICurrentActor actor, TimeProvider clock, IMediator mediator, CancellationToken ct) =>
            {
                var window = AnalyticsWindow.Resolve(from, to, storefront, actor, clock);
                var rows = await mediator.Send(new GetReturnsByDimensionQuery(dimension, window, PageRequest.From(page, pageSize)), ct);
                return AnalyticsCsv.Wanted(request)
                    ? AnalyticsCsv.Write(Header, rows.Items.Select(Record))
                    : TypedResults.Ok(rows);
            })
            .WithName("GetReturnsByDimension")
            .WithSummary("Return rates per SKU, category, reason, segment, storefront or ISO week, highest rate first")
            .WithDescription("dimension: sku, category (the catalogue's), reason, segment (the order's customer segment), storefront or week "
                + "(ISO 8601, such as 2026-W48, of the delivery or request day). Values an order lacks are (none). For reason, unitsSold is every "
                + "unit sold in the window. Rows without sales (no rate) come last. Paged (?page=&pageSize=); ?from=&to=&storefront= as for the "
                + "summary. Accept: text/csv gives the page's rows as CSV, topReasons as reason:units pairs separated by semicolons.")
            .Produces<PagedResult<ReturnsByDimensionRowDto>>(StatusCodes.Status200OK, "application/json", AnalyticsContracts.CsvMediaType)
            .ProducesValidationProblem();

    private static string[] Record(ReturnsByDimensionRowDto row) =>
    [
        row.Key,
        AnalyticsCsv.Number(row.UnitsSold),
        AnalyticsCsv.Number(row.UnitsReturned),
        AnalyticsCsv.Number(row.ReturnRate),
        string.Join(';', row.TopReasons.Select(r => $"{r.Reason}:{AnalyticsCsv.Number(r.Units)}")),
    ];
}
