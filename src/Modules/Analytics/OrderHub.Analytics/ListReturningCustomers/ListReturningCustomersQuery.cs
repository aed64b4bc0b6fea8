using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Analytics.ListReturningCustomers;

internal sealed record ListReturningCustomersQuery(AnalyticsWindow Window, PageRequest Page) : IQuery<PagedResult<ReturningCustomerDto>>;
