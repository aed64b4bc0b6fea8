using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Platform.Contracts;

namespace OrderHub.Platform.ListApiKeys;

internal sealed record ListApiKeysQuery(PageRequest Page) : IQuery<PagedResult<ApiKeySummary>>;
