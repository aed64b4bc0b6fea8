using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// The money of the replayed returns in one currency: refunds (money back or store credit with its bonus, as
/// quoted when requested; 0 for an exchange) and fees kept (restocking and return shipping), actual and under
/// the candidate; a return the candidate would refuse counts 0 under it.
/// </summary>
public sealed record SimulationTotalsDto(
    string Currency,
    int Returns,
    [property: Money] decimal ActualRefund,
    [property: Money] decimal CandidateRefund,
    [property: Money] decimal RefundDelta,
    [property: Money] decimal ActualFees,
    [property: Money] decimal CandidateFees,
    [property: Money] decimal FeeDelta);
