using System.Runtime.CompilerServices;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// The body of <c>PUT /api/v1/return-policy</c>: the policy document for the next version. A field left out
/// keeps the value of the version in force. An empty list or object clears it (<c>[]</c>: no non-returnable
/// SKUs). <c>null</c> means "none" only where the policy itself can be empty (<c>autoApproveMaxOrderValue</c>,
/// <c>keepItThreshold</c>, <c>returnWarehouseCode</c>); for any other field it is refused with 400 naming the
/// field. <c>version</c>, <c>createdAt</c> and <c>createdBy</c> are assigned by OrderHub, so a document read
/// with GET can be changed and sent back as it is. <see cref="SimulateReturnPolicyRequest"/> is the same
/// document with the period to replay.
/// </summary>
/// <remarks>
/// A class rather than a positional record: it remembers which properties the JSON named, which is how a
/// field left out is told apart from an explicit <c>null</c>.
/// </remarks>
public class UpdateReturnPolicyRequest
{
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);

    /// <summary>Days from delivery during which items may be returned.</summary>
    public int? WindowDays { get; init { field = value; Sent(); } }

    /// <summary>Per-category windows replacing <c>windowDays</c>, e.g. <c>{"electronics": 14}</c>; <c>{}</c> clears them.</summary>
    public IReadOnlyDictionary<string, int>? CategoryWindowDays { get; init { field = value; Sent(); } }

    /// <summary>Extra days per customer segment, e.g. <c>{"loyal": 30}</c>; <c>{}</c> clears them.</summary>
    public IReadOnlyDictionary<string, int>? SegmentExtensionDays { get; init { field = value; Sent(); } }

    /// <summary>Categories that can never be returned; <c>[]</c> clears them.</summary>
    public IReadOnlyList<string>? NonReturnableCategories { get; init { field = value; Sent(); } }

    /// <summary>SKUs that can never be returned; <c>[]</c> clears them.</summary>
    public IReadOnlyList<string>? NonReturnableSkus { get; init { field = value; Sent(); } }

    /// <summary>Percentage of the item value kept when the return is not the seller's fault (0 to 100).</summary>
    public decimal? RestockingFeePercent { get; init { field = value; Sent(); } }

    /// <summary>Flat fee per return; waived for exchanges and for Defective, Damaged and WrongItem.</summary>
    public decimal? ReturnShippingFee { get; init { field = value; Sent(); } }

    /// <summary>Which of Refund, StoreCredit, Exchange customers may choose; at least one.</summary>
    public IReadOnlyList<ReturnResolution>? AllowedResolutions { get; init { field = value; Sent(); } }

    /// <summary>Returns of orders below this value are approved at once; <c>null</c>: never.</summary>
    public decimal? AutoApproveMaxOrderValue { get; init { field = value; Sent(); } }

    /// <summary>Lines worth less than this are refunded without sending the item back; <c>null</c>: never.</summary>
    public decimal? KeepItThreshold { get; init { field = value; Sent(); } }

    /// <summary>Bonus added to refunds taken as store credit (0 to 100 %).</summary>
    public decimal? StoreCreditBonusPercent { get; init { field = value; Sent(); } }

    /// <summary>Days after approval for the parcel to reach the warehouse before the return expires.</summary>
    public int? DaysToShip { get; init { field = value; Sent(); } }

    /// <summary>The warehouse returns are sent to; it must exist (else 422). <c>null</c>: none named yet.</summary>
    public string? ReturnWarehouseCode { get; init { field = value; Sent(); } }

    /// <summary>A customer who returned from at least this share of recent orders is flagged (0 to 100 %).</summary>
    public decimal? SerialReturnerThresholdPercent { get; init { field = value; Sent(); } }

    /// <summary>How many recent orders count for that share.</summary>
    public int? SerialReturnerLookbackOrders { get; init { field = value; Sent(); } }

    /// <summary>Below this many orders nobody is flagged.</summary>
    public int? SerialReturnerMinimumOrders { get; init { field = value; Sent(); } }

    /// <summary>Whether the document named the property (by its C# name), even as <c>null</c>.</summary>
    public bool Names(string property) => _sent.Contains(property);

    private void Sent([CallerMemberName] string property = "") => _sent.Add(property);
}
