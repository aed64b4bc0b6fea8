using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// One version of the return policy. Every PUT stores a new version and never changes an old one; each RMA
/// records the version it was judged under, and all its amounts come from that version.
/// </summary>
/// <param name="Version">Assigned by OrderHub: 1 is the built-in default, each PUT adds one.</param>
/// <param name="WindowDays">Days from delivery during which items may be returned (default 30).</param>
/// <param name="CategoryWindowDays">Per-category windows replacing <paramref name="WindowDays"/>, e.g. <c>{"electronics": 14}</c>.</param>
/// <param name="SegmentExtensionDays">Extra days per customer segment, e.g. <c>{"loyal": 30}</c>.</param>
/// <param name="NonReturnableCategories">Categories that can never be returned.</param>
/// <param name="NonReturnableSkus">SKUs that can never be returned (SKUs flagged non-returnable in the catalogue are refused too).</param>
/// <param name="RestockingFeePercent">Percentage of the item value kept when the return is not the seller's fault.</param>
/// <param name="ReturnShippingFee">Flat fee per return; waived for exchanges and for Defective, Damaged and WrongItem.</param>
/// <param name="AllowedResolutions">Which of Refund, StoreCredit, Exchange customers may choose.</param>
/// <param name="AutoApproveMaxOrderValue">Returns of orders below this value are approved at once (null: never).</param>
/// <param name="KeepItThreshold">Lines worth less than this are refunded without sending the item back (null: never).</param>
/// <param name="StoreCreditBonusPercent">Bonus added to refunds taken as store credit.</param>
/// <param name="DaysToShip">Days after approval for the parcel to reach the warehouse before the return expires.</param>
/// <param name="ReturnWarehouseCode">The warehouse returns are sent to (its address goes on the label).</param>
/// <param name="SerialReturnerThresholdPercent">A customer who returned from at least this share of recent orders is flagged.</param>
/// <param name="SerialReturnerLookbackOrders">How many recent orders count for that share.</param>
/// <param name="SerialReturnerMinimumOrders">Below this many orders nobody is flagged.</param>
/// <param name="CreatedAt">When this version was stored.</param>
/// <param name="CreatedBy">The API key that stored it (<c>system</c> for the built-in default).</param>
public sealed record ReturnPolicyDto(
    int Version,
    int WindowDays,
    IReadOnlyDictionary<string, int> CategoryWindowDays,
    IReadOnlyDictionary<string, int> SegmentExtensionDays,
    IReadOnlyList<string> NonReturnableCategories,
    IReadOnlyList<string> NonReturnableSkus,
    decimal RestockingFeePercent,
    [property: Money] decimal ReturnShippingFee,
    IReadOnlyList<ReturnResolution> AllowedResolutions,
    [property: Money] decimal? AutoApproveMaxOrderValue,
    [property: Money] decimal? KeepItThreshold,
    decimal StoreCreditBonusPercent,
    int DaysToShip,
    string? ReturnWarehouseCode,
    decimal SerialReturnerThresholdPercent,
    int SerialReturnerLookbackOrders,
    int SerialReturnerMinimumOrders,
    DateTime? CreatedAt,
    string? CreatedBy);
