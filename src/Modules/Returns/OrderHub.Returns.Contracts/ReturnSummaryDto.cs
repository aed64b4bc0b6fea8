namespace OrderHub.Returns.Contracts;

/// <summary>A return in a list.</summary>
public sealed record ReturnSummaryDto(Guid Id, string RmaNumber, ReturnStatus Status, string OrderNumber, string CustomerEmail, ReturnResolution Resolution, DateTime CreatedAt, DateTime? InspectionOverdueSince);
