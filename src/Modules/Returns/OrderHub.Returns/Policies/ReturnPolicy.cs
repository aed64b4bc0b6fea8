using System.Text.Json;
using System.Text.Json.Serialization;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.Policies;

/// <summary>
/// One version of the return policy; the rules live in <see cref="Rules"/> as JSON. A version is written once
/// and never changed (a new PUT inserts the next one), so every RMA can be settled under the version it was
/// judged under.
/// </summary>
internal sealed class ReturnPolicy
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private ReturnPolicy()
    {
    }

    public int Version { get; private set; }

    public string Document { get; private set; } = string.Empty;

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    private PolicyRules? _rules;

    /// <summary>The rules, read from <see cref="Document"/> once (a stored version never changes).</summary>
    public PolicyRules Rules => _rules ??= JsonSerializer.Deserialize<PolicyRules>(Document, Json)!;

    /// <summary>Version 1: the built-in default, in force until the first PUT.</summary>
    public static ReturnPolicy BuiltIn() => Create(1, PolicyRules.Default, "system", DateTime.UnixEpoch);

    public static ReturnPolicy Create(int version, PolicyRules rules, string actor, DateTime now) => new()
    {
        Version = version,
        Document = Serialize(rules),
        CreatedBy = actor,
        CreatedAt = now,
    };

    public static string Serialize(PolicyRules rules) => JsonSerializer.Serialize(rules, Json);

    public ReturnPolicyDto ToDto()
    {
        var r = Rules;
        return new ReturnPolicyDto(Version, r.WindowDays, r.CategoryWindowDays, r.SegmentExtensionDays, r.NonReturnableCategories, r.NonReturnableSkus,
            r.RestockingFeePercent, r.ReturnShippingFee, r.AllowedResolutions, r.AutoApproveMaxOrderValue, r.KeepItThreshold, r.StoreCreditBonusPercent,
            r.DaysToShip, r.ReturnWarehouseCode, r.SerialReturnerThresholdPercent, r.SerialReturnerLookbackOrders, r.SerialReturnerMinimumOrders, CreatedAt, CreatedBy);
    }
}

/// <summary>The rules of a policy version. Category and segment keys compare case-insensitively.</summary>
internal sealed record PolicyRules(
    int WindowDays,
    Dictionary<string, int> CategoryWindowDays,
    Dictionary<string, int> SegmentExtensionDays,
    List<string> NonReturnableCategories,
    List<string> NonReturnableSkus,
    decimal RestockingFeePercent,
    decimal ReturnShippingFee,
    List<ReturnResolution> AllowedResolutions,
    decimal? AutoApproveMaxOrderValue,
    decimal? KeepItThreshold,
    decimal StoreCreditBonusPercent,
    int DaysToShip,
    string? ReturnWarehouseCode,
    decimal SerialReturnerThresholdPercent,
    int SerialReturnerLookbackOrders,
    int SerialReturnerMinimumOrders)
{
    /// <summary>The policy in force until someone stores another: 30 days, refunds, credits and exchanges.</summary>
    public static PolicyRules Default { get; } = new(
        WindowDays: 30,
        CategoryWindowDays: [],
        SegmentExtensionDays: [],
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
        document.CategoryWindowDays is { } categoryWindows ? new Dictionary<string, int>(categoryWindows, StringComparer.OrdinalIgnoreCase) : current.CategoryWindowDays,
        document.SegmentExtensionDays is { } extensions ? new Dictionary<string, int>(extensions, StringComparer.OrdinalIgnoreCase) : current.SegmentExtensionDays,
        document.NonReturnableCategories is { } categories ? [.. categories] : current.NonReturnableCategories,
        document.NonReturnableSkus is { } skus ? [.. skus] : current.NonReturnableSkus,
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

    public int? CategoryWindow(string category) =>
        CategoryWindowDays.FirstOrDefault(kv => string.Equals(kv.Key, category, StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit ? hit.Value : null;

    public int SegmentExtension(string? segment) =>
        segment is null ? 0 : SegmentExtensionDays.FirstOrDefault(kv => string.Equals(kv.Key, segment, StringComparison.OrdinalIgnoreCase)).Value;

    public bool IsCategoryExcluded(string category) => NonReturnableCategories.Contains(category, StringComparer.OrdinalIgnoreCase);

    public bool IsSkuExcluded(string sku) => NonReturnableSkus.Contains(sku, StringComparer.OrdinalIgnoreCase);
}
