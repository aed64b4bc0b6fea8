using MediatR;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.GetProcessingTimes;
using OrderHub.Analytics.GetReturnsByDimension;
using OrderHub.Analytics.GetReturnsSummary;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.GetReturnsAnalytics;

/// <summary>Resolves the window as the routes do and asks the module's own queries, so a page and the API agree to the unit.</summary>
internal sealed class GetReturnsAnalyticsQueryHandler(ICurrentActor actor, TimeProvider clock, IMediator mediator)
    : IRequestHandler<GetReturnsAnalyticsQuery, ReturnsAnalyticsDto>
{
    public async Task<ReturnsAnalyticsDto> Handle(GetReturnsAnalyticsQuery query, CancellationToken cancellationToken)
    {
        var window = AnalyticsWindow.Resolve(query.From, query.To, query.Storefront, actor, clock);
        var summary = await mediator.Send(new GetReturnsSummaryQuery(window), cancellationToken);
        var byDimension = new Dictionary<string, IReadOnlyList<ReturnsByDimensionRowDto>>(StringComparer.Ordinal);
        foreach (var dimension in query.Dimensions.Distinct(StringComparer.Ordinal))
        {
            var rows = await mediator.Send(new GetReturnsByDimensionQuery(dimension, window, new PageRequest(1, PageRequest.MaxPageSize)), cancellationToken);
            byDimension[dimension] = rows.Items;
        }

        var stages = await mediator.Send(new GetProcessingTimesQuery(window), cancellationToken);
        return new ReturnsAnalyticsDto(summary, byDimension, stages);
    }
}
