using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Analytics.Contracts;

/// <summary>
/// Summary, breakdowns and stage times of returns in a window, for pages that chart them. <c>From</c>, <c>To</c> and
/// <c>Storefront</c> mean what the routes' query parameters mean (dates such as 2026-12-01, default the last 90 days;
/// a storefront key sees only its own storefront); invalid values are refused as they are there. <c>Dimensions</c>
/// names the breakdowns wanted (sku, category, reason, segment, storefront, week), at most 200 rows each.
/// </summary>
public sealed record GetReturnsAnalyticsQuery(string? From, string? To, string? Storefront, IReadOnlyList<string> Dimensions) : IQuery<ReturnsAnalyticsDto>;
