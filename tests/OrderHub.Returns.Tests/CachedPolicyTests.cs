using System.Collections;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Tests;

/// <summary>
/// A policy version is cached and shared by every request and node-local reader (ADR 0013), so nothing it
/// exposes may change it.
/// </summary>
public sealed class CachedPolicyTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>A version as the cache holds it: read back from its stored document.</summary>
    private static ReturnPolicy Cached() => ReturnPolicy.Create(2, PolicyRules.Default with
    {
        CategoryWindowDays = new Dictionary<string, int> { ["electronics"] = 14 },
        SegmentExtensionDays = new Dictionary<string, int> { ["loyal"] = 30 },
        NonReturnableCategories = ["food"],
        NonReturnableSkus = ["GIFTCARD"],
        AllowedResolutions = [ReturnResolution.Refund],
    }, "tester", Now);

    private static IEnumerable<(string Name, object Collection)> Collections(PolicyRules rules) =>
        typeof(PolicyRules).GetProperties()
            .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType))
            .Select(p => (p.Name, p.GetValue(rules)!));

    private static void TryToChange(object collection)
    {
        switch (collection)
        {
            case IDictionary<string, int> map:
                Should.Throw<NotSupportedException>(() => map["electronics"] = 1);
                Should.Throw<NotSupportedException>(() => map.Add("garden", 1));
                Should.Throw<NotSupportedException>(() => map.Clear());
                break;
            case IList<string> list:
                Should.Throw<NotSupportedException>(() => list[0] = "changed");
                Should.Throw<NotSupportedException>(() => list.Add("changed"));
                Should.Throw<NotSupportedException>(() => list.Clear());
                break;
            case IList<ReturnResolution> list:
                Should.Throw<NotSupportedException>(() => list[0] = ReturnResolution.Exchange);
                Should.Throw<NotSupportedException>(() => list.Add(ReturnResolution.Exchange));
                break;
        }

        collection.ShouldNotBeOfType<Dictionary<string, int>>();
        collection.ShouldNotBeOfType<List<string>>();
        collection.ShouldNotBeOfType<List<ReturnResolution>>();
        collection.ShouldNotBeAssignableTo<Array>();
    }

    [Fact]
    public void No_collection_of_a_cached_policy_can_be_changed_through_what_it_exposes()
    {
        var policy = Cached();
        var before = policy.ToDto();
        var collections = Collections(policy.Rules).ToList();
        collections.Select(c => c.Name).ShouldBe(
            ["CategoryWindowDays", "SegmentExtensionDays", "NonReturnableCategories", "NonReturnableSkus", "AllowedResolutions"], ignoreOrder: true);

        foreach (var (_, collection) in collections)
        {
            TryToChange(collection);
        }

        foreach (var (_, collection) in Collections(policy.Rules))
        {
            TryToChange(collection);
        }

        foreach (var collection in new object[] { before.CategoryWindowDays, before.NonReturnableSkus, before.AllowedResolutions })
        {
            TryToChange(collection);
        }

        ReturnPolicy.Serialize(policy.Rules).ShouldBe(policy.Document);
        policy.Rules.CategoryWindow("electronics").ShouldBe(14);
        policy.Rules.IsSkuExcluded("GIFTCARD").ShouldBeTrue();
    }

    [Fact]
    public void Rules_keep_no_link_to_the_collections_they_were_made_from()
    {
        var windows = new Dictionary<string, int> { ["electronics"] = 14 };
        var skus = new List<string> { "GIFTCARD" };
        var resolutions = new List<ReturnResolution> { ReturnResolution.Refund };
        var rules = PolicyRules.Default with { CategoryWindowDays = windows, NonReturnableSkus = skus, AllowedResolutions = resolutions };

        windows["electronics"] = 1;
        skus.Add("TEE");
        resolutions.Add(ReturnResolution.Exchange);

        rules.CategoryWindow("electronics").ShouldBe(14);
        rules.IsSkuExcluded("TEE").ShouldBeFalse();
        rules.AllowedResolutions.ShouldBe([ReturnResolution.Refund]);
    }
}
