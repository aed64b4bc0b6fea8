using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ListReturnPolicyVersions;

internal sealed record ListReturnPolicyVersionsQuery(PageRequest Page) : IQuery<PagedResult<ReturnPolicyDto>>;
