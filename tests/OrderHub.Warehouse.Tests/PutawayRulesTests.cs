using OrderHub.BuildingBlocks.Domain;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;

namespace OrderHub.Warehouse.Tests;

public sealed class PutawayRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    private static readonly PutawayCandidate[] FullWarehouse =
    [
        new("B-02", LocationType.Bulk, null),
        new("B-01", LocationType.Bulk, null),
        new("P-01", LocationType.Pick, "SKU-A"),
        new("P-02", LocationType.Pick, "SKU-B"),
        new("P-03", LocationType.Pick, null),
        new("RET", LocationType.Returns, null),
        new("REF", LocationType.Refurbish, null),
        new("DMG", LocationType.Damaged, null),
        new("RTV", LocationType.ReturnToVendor, null),
        new("RECV", LocationType.Receiving, null),
    ];

    [Theory]
    [InlineData(PutawayPurpose.ReceivedReturn, "RET")]
    [InlineData(PutawayPurpose.Refurbish, "REF")]
    [InlineData(PutawayPurpose.Dispose, "DMG")]
    [InlineData(PutawayPurpose.ReturnToVendor, "RTV")]
    public void Each_purpose_goes_to_its_location_type(PutawayPurpose purpose, string expected) =>
        PutawayRules.Resolve("W1", "SKU-A", purpose, FullWarehouse).Code.ShouldBe(expected);

    [Fact]
    public void Restock_goes_to_the_pick_face_of_the_sku() =>
        PutawayRules.Resolve("W1", "SKU-B", PutawayPurpose.Restock, FullWarehouse).Code.ShouldBe("P-02");

    [Fact]
    public void Restock_of_a_sku_without_a_pick_face_goes_to_the_lowest_bulk_location() =>
        PutawayRules.Resolve("W1", "SKU-Z", PutawayPurpose.Restock, FullWarehouse).Code.ShouldBe("B-01");

    [Fact]
    public void Restock_without_pick_face_or_bulk_is_refused_naming_what_is_missing()
    {
        var refused = Should.Throw<BusinessRuleException>(() =>
            PutawayRules.Resolve("W1", "SKU-Z", PutawayPurpose.Restock, [new PutawayCandidate("P-01", LocationType.Pick, "SKU-A")]));
        refused.Message.ShouldContain("neither a Pick location for SKU 'SKU-Z' nor a Bulk location");
        refused.Code.ShouldBe("no-putaway-location");
    }

    [Fact]
    public void A_warehouse_without_a_damaged_location_cannot_take_disposed_units() =>
        Should.Throw<BusinessRuleException>(() => PutawayRules.Resolve("W1", "SKU-A", PutawayPurpose.Dispose, [new PutawayCandidate("RET", LocationType.Returns, null)]))
            .Message.ShouldContain("no Damaged location");

    [Theory]
    [InlineData(LocationType.Pick, true)]
    [InlineData(LocationType.Bulk, true)]
    [InlineData(LocationType.Receiving, false)]
    [InlineData(LocationType.Returns, false)]
    [InlineData(LocationType.Quarantine, false)]
    [InlineData(LocationType.Damaged, false)]
    [InlineData(LocationType.Refurbish, false)]
    [InlineData(LocationType.ReturnToVendor, false)]
    public void Only_pick_and_bulk_locations_hold_sellable_stock(LocationType type, bool sellable) =>
        type.IsSellable().ShouldBe(sellable);

    [Fact]
    public void Only_a_pick_location_can_be_the_pick_face_of_a_sku()
    {
        var warehouse = Warehouse("nl");
        Location.Create(warehouse, "P-01", LocationType.Pick, "SKU-A", Now).Sku.ShouldBe("SKU-A");
        Should.Throw<BusinessRuleException>(() => Location.Create(warehouse, "B-01", LocationType.Bulk, "SKU-A", Now))
            .Code.ShouldBe("pick-face-only");
    }

    [Fact]
    public void A_warehouse_keeps_its_country_code_in_upper_case() =>
        Warehouse("nl").Country.ShouldBe("NL");

    private static WarehouseSite Warehouse(string country) =>
        WarehouseSite.Create("W1", "One", new PostalAddress("x", null, "y", null, "1", country), Now);
}
