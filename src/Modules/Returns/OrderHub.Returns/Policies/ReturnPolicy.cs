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
