using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// The refund estimate and fees a return request would get under the policy in force, without creating it:
/// the same checks and figures as <c>POST /api/v1/returns</c> (invalid → validation error, not returnable →
/// business-rule refusal with the reasons per line).
/// </summary>
public sealed record QuoteReturnQuery(CreateReturnRequest Request) : IQuery<RefundBreakdown>;
