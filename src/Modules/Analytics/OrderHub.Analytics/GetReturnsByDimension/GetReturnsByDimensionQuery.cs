using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.GetReturnsByDimension;

internal sealed record GetReturnsByDimensionQuery(string? Dimension, AnalyticsWindow Window, PageRequest Page) : IQuery<PagedResult<ReturnsByDimensionRowDto>>;
