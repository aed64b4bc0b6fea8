using System.Collections.Immutable;
using System.Collections.ObjectModel;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.Policies;

/// <summary>
/// The rules of a policy version. Category and segment keys compare case-insensitively. A version is cached and
/// shared by every request (ADR 0013), so its collections are read-only copies: nothing handed in stays
/// attached, and nothing handed out can be cast back to something that changes them.
/// </summary>
internal sealed record PolicyRules(
    int WindowDays,
    IReadOnlyDictionary<string, int> CategoryWindowDays,
    IReadOnlyDictionary<string, int> SegmentExtensionDays,
    IReadOnlyList<string> NonReturnableCategories,
    IReadOnlyList<string> NonReturnableSkus,
    decimal RestockingFeePercent,
    decimal ReturnShippingFee,
    IReadOnlyList<ReturnResolution> AllowedResolutions,
    decimal? AutoApproveMaxOrderValue,
    decimal? KeepItThreshold,
    decimal StoreCreditBonusPercent,
    int DaysToShip,
    string? ReturnWarehouseCode,
    decimal SerialReturnerThresholdPercent,
    int SerialReturnerLookbackOrders,
    int SerialReturnerMinimumOrders)
{
    public IReadOnlyDictionary<string, int> CategoryWindowDays { get; init => field = Freeze(value); } = Freeze(CategoryWindowDays);

    public IReadOnlyDictionary<string, int> SegmentExtensionDays { get; init => field = Freeze(value); } = Freeze(SegmentExtensionDays);

    public IReadOnlyList<string> NonReturnableCategories { get; init => field = Freeze(value); } = Freeze(NonReturnableCategories);

    public IReadOnlyList<string> NonReturnableSkus { get; init => field = Freeze(value); } = Freeze(NonReturnableSkus);

    public IReadOnlyList<ReturnResolution> AllowedResolutions { get; init => field = Freeze(value); } = Freeze(AllowedResolutions);

    /// <summary>The policy in force until someone stores another: 30 days, refunds, credits and exchanges.</summary>
    public static PolicyRules Default { get; } = new(
        WindowDays: 30,
        CategoryWindowDays: ReadOnlyDictionary<string, int>.Empty,
        SegmentExtensionDays: ReadOnlyDictionary<string, int>.Empty,
        NonReturnableCategories: [],
        NonReturnableSkus: [],
        RestockingFeePercent: 0m,
        ReturnShippingFee: 0m,
        AllowedResolutions: [ReturnResolution.Refund, ReturnResolution.StoreCredit, ReturnResolution.Exchange],
        AutoApproveMaxOrderValue: null,
        KeepItThreshold: null,
        StoreCreditBonusPercent: 0m,
        DaysToShip: 14,
        ReturnWarehouseCode: null,
        SerialReturnerThresholdPercent: 50m,
        SerialReturnerLookbackOrders: 10,
        SerialReturnerMinimumOrders: 3);

    /// <summary>
    /// The rules of the next version: what <paramref name="document"/> names, and for everything it leaves out
    /// the value of <paramref name="current"/>. A left-out field must never fall back to a type's default (a
    /// 0 % serial-returner threshold flags every customer), so every field is taken from one or the other.
    /// </summary>
    public static PolicyRules Merge(PolicyRules current, UpdateReturnPolicyRequest document) => new(
        document.WindowDays ?? current.WindowDays,
        document.CategoryWindowDays ?? current.CategoryWindowDays,
        document.SegmentExtensionDays ?? current.SegmentExtensionDays,
        document.NonReturnableCategories ?? current.NonReturnableCategories,
        document.NonReturnableSkus ?? current.NonReturnableSkus,
        document.RestockingFeePercent ?? current.RestockingFeePercent,
        document.ReturnShippingFee ?? current.ReturnShippingFee,
        document.AllowedResolutions is { } resolutions ? [.. resolutions.Distinct()] : current.AllowedResolutions,
        document.Names(nameof(document.AutoApproveMaxOrderValue)) ? document.AutoApproveMaxOrderValue : current.AutoApproveMaxOrderValue,
        document.Names(nameof(document.KeepItThreshold)) ? document.KeepItThreshold : current.KeepItThreshold,
        document.StoreCreditBonusPercent ?? current.StoreCreditBonusPercent,
        document.DaysToShip ?? current.DaysToShip,
        document.Names(nameof(document.ReturnWarehouseCode))
            ? (string.IsNullOrWhiteSpace(document.ReturnWarehouseCode) ? null : document.ReturnWarehouseCode.Trim())
            : current.ReturnWarehouseCode,
        document.SerialReturnerThresholdPercent ?? current.SerialReturnerThresholdPercent,
        document.SerialReturnerLookbackOrders ?? current.SerialReturnerLookbackOrders,
        document.SerialReturnerMinimumOrders ?? current.SerialReturnerMinimumOrders);

    public int? CategoryWindow(string category) => CategoryWindowDays.TryGetValue(category, out var days) ? days : null;

    public int SegmentExtension(string? segment) => segment is not null && SegmentExtensionDays.TryGetValue(segment, out var days) ? days : 0;

    public bool IsCategoryExcluded(string category) => NonReturnableCategories.Contains(category, StringComparer.OrdinalIgnoreCase);

    public bool IsSkuExcluded(string sku) => NonReturnableSkus.Contains(sku, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A read-only, case-insensitive copy in the order given; of keys that differ only in case the first wins,
    /// as it did when lookups scanned the keys.
    /// </summary>
    private static ReadOnlyDictionary<string, int> Freeze(IReadOnlyDictionary<string, int> source)
    {
        var copy = new Dictionary<string, int>(source.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in source)
        {
            copy.TryAdd(key, value);
        }

        return copy.AsReadOnly();
    }

    private static ImmutableArray<T> Freeze<T>(IReadOnlyList<T> source) => [.. source];
}
