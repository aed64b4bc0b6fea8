using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>A page of returns the caller may see (the use case behind <c>GET /api/v1/returns</c>); <c>InspectionOverdue = true</c> is the inspection work queue.</summary>
public sealed record ListReturnsQuery(ReturnStatus? Status, string? CustomerEmail, string? RmaNumber, Guid? OrderId, bool? InspectionOverdue, PageRequest Page)
    : IQuery<PagedResult<ReturnSummaryDto>>;
