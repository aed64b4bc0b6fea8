using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ListReturns;

internal sealed record ListReturnsQuery(ReturnStatus? Status, string? CustomerEmail, string? RmaNumber, Guid? OrderId, bool? InspectionOverdue, PageRequest Page)
    : IQuery<PagedResult<ReturnSummaryDto>>;
