using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Tests;

public sealed class PolicyDocumentTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A version in force where no field has its type's default, so a field that fell back to 0 or empty shows.</summary>
    private static readonly PolicyRules InForce = new(
        45,
        new Dictionary<string, int> { ["electronics"] = 14 },
        new Dictionary<string, int> { ["loyal"] = 30 },
        ["food"],
        ["GIFTCARD"],
        10m,
        4.95m,
        [ReturnResolution.Refund, ReturnResolution.StoreCredit],
        250m,
        5m,
        7.5m,
        21,
        "AMS1",
        60m,
        12,
        4);

    /// <summary>A whole document with a different value in every field.</summary>
    private static JsonObject Document() => new()
    {
        ["windowDays"] = 60,
        ["categoryWindowDays"] = new JsonObject { ["furniture"] = 90 },
        ["segmentExtensionDays"] = new JsonObject { ["vip"] = 15 },
        ["nonReturnableCategories"] = new JsonArray("hygiene"),
        ["nonReturnableSkus"] = new JsonArray("SAMPLE"),
        ["restockingFeePercent"] = 50m,
        ["returnShippingFee"] = 2.50m,
        ["allowedResolutions"] = new JsonArray("Exchange"),
        ["autoApproveMaxOrderValue"] = 100m,
        ["keepItThreshold"] = 3m,
        ["storeCreditBonusPercent"] = 15m,
        ["daysToShip"] = 10,
        ["returnWarehouseCode"] = "RTM2",
        ["serialReturnerThresholdPercent"] = 80m,
        ["serialReturnerLookbackOrders"] = 20,
        ["serialReturnerMinimumOrders"] = 6,
    };

    private static readonly PropertyInfo[] RuleFields = typeof(PolicyRules).GetConstructors().Single(c => c.GetParameters().Length > 1).GetParameters()
        .Select(p => typeof(PolicyRules).GetProperty(p.Name!)!)
        .ToArray();

    private static UpdateReturnPolicyRequest Parse(JsonObject document) => document.Deserialize<UpdateReturnPolicyRequest>(Web)!;

    private static string Json(PolicyRules rules, PropertyInfo field) => JsonSerializer.Serialize(field.GetValue(rules), Web);

    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    [Fact]
    public void The_document_names_every_rule_of_the_policy_and_nothing_else()
    {
        typeof(UpdateReturnPolicyRequest).GetProperties().Select(p => p.Name).ShouldBe(RuleFields.Select(f => f.Name), ignoreOrder: true);
        Document().Select(kv => kv.Key).ShouldBe(RuleFields.Select(f => JsonName(f.Name)), ignoreOrder: true);
    }

    [Fact]
    public void A_whole_document_replaces_every_rule()
    {
        var merged = PolicyRules.Merge(InForce, Parse(Document()));
        var expected = Parse(Document());
        foreach (var field in RuleFields)
        {
            Json(merged, field).ShouldNotBe(Json(InForce, field), field.Name);
            Json(merged, field).ShouldBe(JsonSerializer.Serialize(typeof(UpdateReturnPolicyRequest).GetProperty(field.Name)!.GetValue(expected), Web), field.Name);
        }
    }

    [Fact]
    public void A_document_missing_any_one_field_keeps_that_field_of_the_version_in_force()
    {
        var whole = PolicyRules.Merge(InForce, Parse(Document()));
        foreach (var left in RuleFields)
        {
            var document = Document();
            document.Remove(JsonName(left.Name)).ShouldBeTrue(left.Name);

            var merged = PolicyRules.Merge(InForce, Parse(document));

            Json(merged, left).ShouldBe(Json(InForce, left), $"{left.Name} left out");
            foreach (var other in RuleFields.Where(f => f != left))
            {
                Json(merged, other).ShouldBe(Json(whole, other), $"{other.Name} while {left.Name} is left out");
            }
        }
    }

    [Fact]
    public void An_empty_document_stores_the_version_in_force_unchanged()
    {
        var merged = PolicyRules.Merge(InForce, Parse([]));
        ReturnPolicy.Serialize(merged).ShouldBe(ReturnPolicy.Serialize(InForce));
    }

    [Fact]
    public void Null_clears_the_rules_that_can_be_empty_and_an_empty_list_or_object_clears_a_list_or_map()
    {
        var merged = PolicyRules.Merge(InForce, Parse(new JsonObject
        {
            ["autoApproveMaxOrderValue"] = null,
            ["keepItThreshold"] = null,
            ["returnWarehouseCode"] = null,
            ["categoryWindowDays"] = new JsonObject(),
            ["nonReturnableSkus"] = new JsonArray(),
        }));

        merged.AutoApproveMaxOrderValue.ShouldBeNull();
        merged.KeepItThreshold.ShouldBeNull();
        merged.ReturnWarehouseCode.ShouldBeNull();
        merged.CategoryWindowDays.ShouldBeEmpty();
        merged.NonReturnableSkus.ShouldBeEmpty();
        merged.SegmentExtensionDays.ShouldBe(InForce.SegmentExtensionDays);
        merged.NonReturnableCategories.ShouldBe(InForce.NonReturnableCategories);
    }

    [Fact]
    public void The_document_knows_a_field_left_out_from_one_sent_as_null()
    {
        var document = Parse(new JsonObject { ["keepItThreshold"] = null, ["windowDays"] = 10 });

        document.Names(nameof(UpdateReturnPolicyRequest.KeepItThreshold)).ShouldBeTrue();
        document.Names(nameof(UpdateReturnPolicyRequest.WindowDays)).ShouldBeTrue();
        document.Names(nameof(UpdateReturnPolicyRequest.AutoApproveMaxOrderValue)).ShouldBeFalse();
    }

    [Fact]
    public void Category_and_segment_names_of_a_merged_version_compare_case_insensitively()
    {
        var merged = PolicyRules.Merge(InForce, Parse(new JsonObject { ["categoryWindowDays"] = new JsonObject { ["Furniture"] = 90 } }));
        merged.CategoryWindow("furniture").ShouldBe(90);
        merged.SegmentExtension("LOYAL").ShouldBe(30);
    }
}
