using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Analytics.GetProcessingTimes;

internal static class GetProcessingTimesEndpoint
{
    private static readonly string[] Header = ["stage", "count", "p50Hours", "p90Hours", "maxHours"];

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/processing-times", async Task<IResult> (
                string? from, string? to, string? storefront, HttpRequest request, ICurrentActor actor, TimeProvider clock, IMediator mediator, CancellationToken ct) =>
            {
                var stages = await mediator.Send(new GetProcessingTimesQuery(AnalyticsWindow.Resolve(from, to, storefront, actor, clock)), ct);
                return AnalyticsCsv.Wanted(request)
                    ? AnalyticsCsv.Write(Header, stages.Select(s => new[]
                    {
                        s.Stage, AnalyticsCsv.Number(s.Count), AnalyticsCsv.Number(s.P50Hours), AnalyticsCsv.Number(s.P90Hours), AnalyticsCsv.Number(s.MaxHours),
                    }))
                    : TypedResults.Ok(stages);
            })
            .WithName("GetReturnProcessingTimes")
            .WithSummary("How long returns take from stage to stage")
            .WithDescription("For returns requested in the window (?from=&to=&storefront= as for the summary): requestedToApproved, approvedToReceived, "
                + "receivedToCompleted and requestedToCompleted, each with the count of returns that went through both stages and the nearest-rank "
                + "50th and 90th percentiles and the maximum, in hours. Accept: text/csv gives the four rows as CSV.")
            .Produces<IReadOnlyList<ProcessingTimeDto>>(StatusCodes.Status200OK, "application/json", AnalyticsContracts.CsvMediaType)
            .ProducesValidationProblem();
}
