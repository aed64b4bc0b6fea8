namespace OrderHub.Returns.Contracts;

/// <summary>An order's return options; see <see cref="GetReturnOptionsQuery"/>.</summary>
public sealed record ReturnOptions(
    Guid OrderId,
    string OrderNumber,
    string Currency,
    IReadOnlyList<ReturnOptionLine> Lines,
    IReadOnlyList<ReturnResolution> Resolutions,
    decimal StoreCreditBonusPercent,
    decimal RestockingFeePercent,
    decimal ReturnShippingFee);
