using System.Text.Json;
using System.Text.Json.Serialization;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.Policies;

/// <summary>One stored version of the return policy; the rules live in <see cref="Rules"/> as JSON.</summary>
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
            r.DaysToShip, r.ReturnWarehouseCode, r.SerialReturnerThresholdPercent, r.SerialReturnerLookbackOrders, r.SerialReturnerMinimumOrders, CreatedAt);
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

    public static PolicyRules From(ReturnPolicyDto dto) => new(
        dto.WindowDays,
        new Dictionary<string, int>(dto.CategoryWindowDays ?? new Dictionary<string, int>(), StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, int>(dto.SegmentExtensionDays ?? new Dictionary<string, int>(), StringComparer.OrdinalIgnoreCase),
        [.. dto.NonReturnableCategories ?? []],
        [.. dto.NonReturnableSkus ?? []],
        dto.RestockingFeePercent,
        dto.ReturnShippingFee,
        [.. dto.AllowedResolutions ?? []],
        dto.AutoApproveMaxOrderValue,
        dto.KeepItThreshold,
        dto.StoreCreditBonusPercent,
        dto.DaysToShip,
        string.IsNullOrWhiteSpace(dto.ReturnWarehouseCode) ? null : dto.ReturnWarehouseCode.Trim(),
        dto.SerialReturnerThresholdPercent,
        dto.SerialReturnerLookbackOrders,
        dto.SerialReturnerMinimumOrders);

    public int? CategoryWindow(string category) =>
        CategoryWindowDays.FirstOrDefault(kv => string.Equals(kv.Key, category, StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit ? hit.Value : null;

    public int SegmentExtension(string? segment) =>
        segment is null ? 0 : SegmentExtensionDays.FirstOrDefault(kv => string.Equals(kv.Key, segment, StringComparison.OrdinalIgnoreCase)).Value;

    public bool IsCategoryExcluded(string category) => NonReturnableCategories.Contains(category, StringComparer.OrdinalIgnoreCase);

    public bool IsSkuExcluded(string sku) => NonReturnableSkus.Contains(sku, StringComparer.OrdinalIgnoreCase);
}
