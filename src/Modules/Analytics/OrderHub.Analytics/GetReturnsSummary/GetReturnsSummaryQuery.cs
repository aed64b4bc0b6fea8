using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Analytics.GetReturnsSummary;

internal sealed record GetReturnsSummaryQuery(AnalyticsWindow Window) : IQuery<ReturnsSummaryDto>;
