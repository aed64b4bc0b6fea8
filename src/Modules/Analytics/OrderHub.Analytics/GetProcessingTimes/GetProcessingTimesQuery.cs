using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Analytics.GetProcessingTimes;

internal sealed record GetProcessingTimesQuery(AnalyticsWindow Window) : IQuery<IReadOnlyList<ProcessingTimeDto>>;
