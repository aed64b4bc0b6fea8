using System.Net;
using System.Net.Http.Json;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.IntegrationTests.Warehouse;

public sealed class WarehouseTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_warehouse_is_created_with_its_address_and_can_be_read_back()
    {
        using var driver = new InventoryDriver(App);
        var created = await (await driver.Client.PostAsJsonAsync("/api/v1/warehouses", new
        {
            code = "AMS1",
            name = "Amsterdam DC",
            address = new { line1 = "Dockweg 1", line2 = "Gate 4", city = "Amsterdam", region = "NH", postalCode = "1000 AA", country = "nl" },
        })).ShouldBeAsync(HttpStatusCode.Created);

        created.GetProperty("code").GetString().ShouldBe("AMS1");
        created.GetProperty("address").GetProperty("country").GetString().ShouldBe("NL");
        var read = await (await driver.Client.GetAsync("/api/v1/warehouses/AMS1")).ShouldBeAsync(HttpStatusCode.OK);
        read.GetProperty("address").GetProperty("line2").GetString().ShouldBe("Gate 4");

        var address = await driver.SendAsync(new GetWarehouseAddressQuery("AMS1"));
        address.Address.City.ShouldBe("Amsterdam");
        address.Name.ShouldBe("Amsterdam DC");
    }

    [Fact]
    public async Task A_second_warehouse_with_the_same_code_is_409_and_an_invalid_one_is_400()
    {
        using var driver = new InventoryDriver(App);
        await driver.CreateWarehouseAsync("AMS1");
        await (await driver.Client.PostAsJsonAsync("/api/v1/warehouses", new
        {
            code = "AMS1", name = "Again", address = new { line1 = "x", city = "y", postalCode = "1", country = "NL" },
        })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var invalid = await (await driver.Client.PostAsJsonAsync("/api/v1/warehouses", new { code = "bad code!", name = "", address = new { line1 = "x", city = "y", postalCode = "1", country = "Netherlands" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = invalid.GetProperty("errors");
        errors.TryGetProperty("code", out _).ShouldBeTrue();
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("address.country", out _).ShouldBeTrue();
        await (await driver.Client.GetAsync("/api/v1/warehouses/NOPE")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Locations_are_typed_listed_by_code_and_their_codes_are_unique_across_warehouses()
    {
        using var driver = new InventoryDriver(App);
        await driver.CreateWarehouseAsync("W1");
        await driver.CreateWarehouseAsync("W2");
        var created = await (await driver.Client.PostAsJsonAsync("/api/v1/warehouses/W1/locations", new { code = "A-02", type = "Bulk" }))
            .ShouldBeAsync(HttpStatusCode.Created);
        created.GetProperty("type").GetString().ShouldBe("Bulk");
        created.GetProperty("warehouseCode").GetString().ShouldBe("W1");
        await driver.AddLocationAsync("W1", "A-01", "Pick", "SKU-A");
        await driver.AddLocationAsync("W1", "A-03", "returnToVendor");

        await (await driver.Client.PostAsJsonAsync("/api/v1/warehouses/W2/locations", new { code = "A-01", type = "Bulk" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await driver.Client.PostAsJsonAsync("/api/v1/warehouses/W9/locations", new { code = "Z-01", type = "Bulk" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var badType = await (await driver.Client.PostAsJsonAsync("/api/v1/warehouses/W1/locations", new { code = "Z-01", type = "Shelf" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        badType.GetProperty("errors").GetProperty("type")[0].GetString()!.ShouldContain("Pick, Bulk, Receiving");
        await (await driver.Client.PostAsJsonAsync("/api/v1/warehouses/W1/locations", new { code = "Z-01", type = "Bulk", sku = "SKU-A" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var page = await (await driver.Client.GetAsync("/api/v1/warehouses/W1/locations?page=1&pageSize=2")).ShouldBeAsync(HttpStatusCode.OK);
        page.GetProperty("totalCount").GetInt32().ShouldBe(3);
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldBe(["A-01", "A-02"]);
        (await (await driver.Client.GetAsync("/api/v1/warehouses/W2/locations")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32().ShouldBe(0);
        await (await driver.Client.GetAsync("/api/v1/warehouses/W9/locations")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await driver.Client.GetAsync("/api/v1/warehouses/W1/locations?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var found = await driver.SendAsync(new GetLocationsQuery(["A-01", "A-03", "missing"]));
        found.OrderBy(l => l.Code).ShouldBe([new LocationInfo("A-01", LocationType.Pick, "W1"), new LocationInfo("A-03", LocationType.ReturnToVendor, "W1")]);
    }

    [Fact]
    public async Task Putaway_rules_send_each_purpose_to_its_kind_of_location()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync(pickFaceSku: "SKU-A");

        async Task<string> Where(string sku, PutawayPurpose purpose) => (await driver.SendAsync(new GetPutawayLocationQuery(sku, "W1", purpose))).Code;

        (await Where("SKU-A", PutawayPurpose.ReceivedReturn)).ShouldBe("W1-RET");
        (await Where("SKU-A", PutawayPurpose.Restock)).ShouldBe("W1-PICK");
        (await Where("SKU-B", PutawayPurpose.Restock)).ShouldBe("W1-BULK");
        (await Where("SKU-A", PutawayPurpose.Refurbish)).ShouldBe("W1-REFURB");
        (await Where("SKU-A", PutawayPurpose.Dispose)).ShouldBe("W1-DMG");
        (await Where("SKU-A", PutawayPurpose.ReturnToVendor)).ShouldBe("W1-RTV");
    }

    [Fact]
    public async Task Putaway_into_a_warehouse_without_such_a_location_is_refused_with_a_clear_reason()
    {
        using var driver = new InventoryDriver(App);
        await driver.CreateWarehouseAsync("W2");
        await driver.AddLocationAsync("W2", "W2-PICK", "Pick");

        var refused = await Should.ThrowAsync<BusinessRuleException>(() => driver.SendAsync(new GetPutawayLocationQuery("SKU-A", "W2", PutawayPurpose.Restock)));
        refused.Message.ShouldContain("neither a Pick location for SKU 'SKU-A' nor a Bulk location");
        (await Should.ThrowAsync<BusinessRuleException>(() => driver.SendAsync(new GetPutawayLocationQuery("SKU-A", "W2", PutawayPurpose.ReceivedReturn))))
            .Message.ShouldContain("no Returns location");
        await Should.ThrowAsync<NotFoundException>(() => driver.SendAsync(new GetPutawayLocationQuery("SKU-A", "W9", PutawayPurpose.Dispose)));

        // A location added later is a putaway destination for the very next request.
        await driver.AddLocationAsync("W2", "W2-RET", "Returns");
        await driver.AddLocationAsync("W2", "W2-PICK-A", "Pick", "SKU-A");
        (await driver.SendAsync(new GetPutawayLocationQuery("SKU-A", "W2", PutawayPurpose.ReceivedReturn))).Code.ShouldBe("W2-RET");
        (await driver.SendAsync(new GetPutawayLocationQuery("SKU-A", "W2", PutawayPurpose.Restock))).Code.ShouldBe("W2-PICK-A");
        await driver.CreateWarehouseAsync("W9");
        await driver.AddLocationAsync("W9", "W9-DMG", "Damaged");
        (await driver.SendAsync(new GetPutawayLocationQuery("SKU-A", "W9", PutawayPurpose.Dispose))).Code.ShouldBe("W9-DMG");
    }

    [Fact]
    public async Task Partners_may_read_warehouses_but_only_staff_may_create_them()
    {
        using var partner = await App.ClientForRoleAsync("partner");
        using var staff = await App.ClientForRoleAsync("staff");
        var body = new { code = "W5", name = "Five", address = new { line1 = "x", city = "y", postalCode = "1", country = "NL" } };

        await (await partner.PostAsJsonAsync("/api/v1/warehouses", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.PostAsJsonAsync("/api/v1/warehouses", body)).ShouldBeAsync(HttpStatusCode.Created);
        await (await partner.GetAsync("/api/v1/warehouses/W5/locations")).ShouldBeAsync(HttpStatusCode.OK);
        await (await App.Anonymous().GetAsync("/api/v1/warehouses/W5")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
