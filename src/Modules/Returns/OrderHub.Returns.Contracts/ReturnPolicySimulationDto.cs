namespace OrderHub.Returns.Contracts;

/// <summary>
/// What the returns requested from <paramref name="From"/> to <paramref name="To"/> would have looked like under a
/// candidate policy, next to what they were under the version each was judged under. Nothing is stored.
/// </summary>
/// <param name="Days">The days replayed.</param>
/// <param name="From">The start of the replayed period (now minus <paramref name="Days"/>).</param>
/// <param name="To">The end of the replayed period (now).</param>
/// <param name="BasedOnVersion">The version in force, whose values fill the fields the candidate left out.</param>
/// <param name="ReturnsConsidered">Returns requested in the period, whatever became of them since.</param>
/// <param name="ReturnsThatWouldBeRefused">How many of them the candidate would have refused.</param>
/// <param name="RefusedReturns">The first 100 of those, oldest first, with the reasons the customer would have read.</param>
/// <param name="ActuallyAutoApproved">Returns approved at once when they were requested.</param>
/// <param name="WouldBeAutoApproved">Returns the candidate would have approved at once.</param>
/// <param name="AutoApprovedDelta"><paramref name="WouldBeAutoApproved"/> minus <paramref name="ActuallyAutoApproved"/>.</param>
/// <param name="RefundDelta">Candidate minus actual refunds, one amount per order currency (amounts are never converted).</param>
/// <param name="FeeDelta">Candidate minus actual fees kept (restocking and return shipping), one amount per currency.</param>
/// <param name="Totals">Actual and candidate refunds and fees per currency.</param>
/// <param name="BySku">Per SKU and currency, the largest absolute refund delta first.</param>
public sealed record ReturnPolicySimulationDto(
    int Days,
    DateTime From,
    DateTime To,
    int BasedOnVersion,
    int ReturnsConsidered,
    int ReturnsThatWouldBeRefused,
    IReadOnlyList<RefusedReturnDto> RefusedReturns,
    int ActuallyAutoApproved,
    int WouldBeAutoApproved,
    int AutoApprovedDelta,
    IReadOnlyList<MoneyAmountDto> RefundDelta,
    IReadOnlyList<MoneyAmountDto> FeeDelta,
    IReadOnlyList<SimulationTotalsDto> Totals,
    IReadOnlyList<SkuSimulationDto> BySku);
