using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Scanning;
using static OrderHub.IntegrationTests.Fulfilment.FulfilmentDriver;

namespace OrderHub.IntegrationTests.Fulfilment;

public sealed class PickListTests(OrderHubApp app) : IntegrationTest(app)
{
    /// <summary>
    /// AAA (preferred) and BBB: order 1 takes TEE × 6 (4 in AAA-P2, 2 in BBB-P1) and CAP × 1 (AAA-B1), order 2 MUG × 2 (AAA-P1).
    /// </summary>
    private static async Task<(FulfilmentDriver Driver, Guid First, Guid Second)> TwoWarehousesAsync(HttpClient staff)
    {
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR", priority: 1);
        await driver.WarehouseAsync("BBB", "FR", priority: 2);
        await driver.SkusAsync("TEE", "CAP", "MUG");
        await driver.ReceiveAsync("TEE", "AAA-P2", 4);
        await driver.ReceiveAsync("TEE", "BBB-P1", 5);
        await driver.ReceiveAsync("CAP", "AAA-B1", 3);
        await driver.ReceiveAsync("MUG", "AAA-P1", 5);
        var first = await driver.PlaceAsync("FR", ("TEE", 6), ("CAP", 1));
        var second = await driver.PlaceAsync("FR", ("MUG", 2));
        (await driver.AllocatedAsync(Id(first), "TEE")).ShouldBe([("AAA", "AAA-P2", 4), ("BBB", "BBB-P1", 2)]);
        return (driver, Id(first), Id(second));
    }

    /// <summary>One warehouse AAA; JEANS and MUG carry GTIN barcodes, TEE an internal one; one order for JEANS × 2, MUG × 2 and TEE × 2.</summary>
    private static async Task<(FulfilmentDriver Driver, JsonElement Order, Guid PickListId)> ScannableListAsync(HttpClient staff)
    {
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        foreach (var (sku, barcode) in new[] { ("JEANS", ScannedCatalog.JeansGtin), ("MUG", "4006381333931") })
        {
            await (await staff.PostAsJsonAsync("/api/v1/skus", new { sku, name = $"Product {sku}", category = "apparel", barcode, unitPrice = 20m }))
                .ShouldBeAsync(HttpStatusCode.Created);
        }

        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("JEANS", "AAA-P1", 5);
        await driver.ReceiveAsync("MUG", "AAA-P2", 5);
        await driver.ReceiveAsync("TEE", "AAA-B1", 5);
        var order = await driver.PlaceAsync("FR", ("JEANS", 2), ("MUG", 2), ("TEE", 2));
        var list = await driver.PickListAsync("AAA");
        return (driver, order, Id(list));
    }

    [Fact]
    public async Task A_pick_list_holds_only_what_is_allocated_to_its_warehouse_in_walk_order_and_never_twice()
    {
        using var staff = App.Admin();
        var (driver, first, second) = await TwoWarehousesAsync(staff);

        var aaa = await driver.PickListAsync("AAA");
        PickLines(aaa).ShouldBe([(first, "CAP", "AAA-B1", 1, 0), (second, "MUG", "AAA-P1", 2, 0), (first, "TEE", "AAA-P2", 4, 0)]);
        var bbb = await driver.PickListAsync("BBB");
        PickLines(bbb).ShouldBe([(first, "TEE", "BBB-P1", 2, 0)]);
        bbb.GetProperty("lines")[0].GetProperty("orderLineId").GetGuid().ShouldNotBe(Guid.Empty);

        var again = await (await driver.PostPickListAsync("AAA")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        again.GetProperty("code").GetString().ShouldBe("nothing-to-pick");
        var named = await (await driver.PostPickListAsync("AAA", new { orderIds = new[] { second } })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        named.GetProperty("orders")[0].GetProperty("reason").GetString()!.ShouldContain(Id(aaa).ToString());

        var read = await driver.GetPickListAsync(Id(aaa));
        read.GetProperty("status").GetString().ShouldBe("Open");
        read.GetProperty("warehouseCode").GetString().ShouldBe("AAA");
        read.GetProperty("remainingUnits").GetInt32().ShouldBe(7);
        PickLines(read).ShouldBe(PickLines(aaa));
        var timeline = await (await staff.GetAsync($"/api/v1/orders/{first}/timeline")).ShouldBeAsync(HttpStatusCode.OK);
        timeline.ToString().ShouldContain("OrderPickListed");
    }

    [Fact]
    public async Task Max_caps_the_orders_on_a_list_and_the_next_list_takes_the_next_oldest()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 10);
        var orders = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(Id(await driver.PlaceAsync("FR", ("TEE", 1))));
        }

        PickLines(await driver.PickListAsync("AAA", new { max = 2 })).Select(l => l.Order).ShouldBe(orders[..2]);
        PickLines(await driver.PickListAsync("AAA", new { max = 2 })).Select(l => l.Order).ShouldBe([orders[2]]);
        await (await driver.PostPickListAsync("AAA", new { max = 2 })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Unknown_warehouses_and_orders_are_404_orders_with_nothing_there_422_and_bad_input_400()
    {
        using var staff = App.Admin();
        var (driver, first, second) = await TwoWarehousesAsync(staff);

        await (await driver.PostPickListAsync("NOPE")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unknown = Guid.NewGuid();
        (await (await driver.PostPickListAsync("AAA", new { orderIds = new[] { first, unknown } })).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString()!.ShouldContain(unknown.ToString());
        var elsewhere = await (await driver.PostPickListAsync("BBB", new { orderIds = new[] { first, second } })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var refused = elsewhere.GetProperty("orders").EnumerateArray().ToList();
        refused.Select(o => o.GetProperty("orderId").GetGuid()).ShouldBe([second]);
        refused[0].GetProperty("reason").GetString()!.ShouldContain("allocated to AAA");

        foreach (var body in new object[] { new { max = 0 }, new { max = 201 }, new { orderIds = Array.Empty<Guid>() }, new { orderIds = new Guid?[] { null } }, new { orderIds = new[] { Guid.Empty } } })
        {
            await (await driver.PostPickListAsync("AAA", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        using var malformed = new StringContent("{\"max\":\"many\"}", System.Text.Encoding.UTF8, "application/json");
        await (await staff.PostAsync("/api/v1/warehouses/AAA/pick-lists", malformed)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        PickLines(await driver.PickListAsync("AAA", new { orderIds = new[] { second } })).Select(l => l.Order).ShouldBe([second], "nothing refused took any units");
    }

    [Fact]
    public async Task Scanning_a_sku_a_gtin_in_any_length_a_catalogue_barcode_and_epcs_picks_the_list_to_completion()
    {
        using var staff = App.Admin();
        var (driver, _, listId) = await ScannableListAsync(staff);

        var bySku = await (await driver.ScanAsync(listId, new { sku = "TEE" })).ShouldBeAsync(HttpStatusCode.OK);
        bySku.GetProperty("picked").GetProperty("sku").GetString().ShouldBe("TEE");
        bySku.GetProperty("remainingUnits").GetInt32().ShouldBe(5);
        await (await driver.ScanAsync(listId, new { barcode = "BC-TEE" })).ShouldBeAsync(HttpStatusCode.OK);
        var byGtin = await (await driver.ScanAsync(listId, new { barcode = "04006381333931", quantity = 2 })).ShouldBeAsync(HttpStatusCode.OK);
        byGtin.GetProperty("picked").GetProperty("sku").GetString().ShouldBe("MUG");
        byGtin.GetProperty("remaining").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("remaining").GetInt32())).ShouldBe([("JEANS", 2)]);
        var byEpc = await (await driver.ScanAsync(listId, new { epc = ScannedCatalog.JeansEpc(1) })).ShouldBeAsync(HttpStatusCode.OK);
        byEpc.GetProperty("picked").GetProperty("pickedQuantity").GetInt32().ShouldBe(1);
        byEpc.GetProperty("status").GetString().ShouldBe("Open");
        var last = await (await driver.ScanAsync(listId, new { epc = ScannedCatalog.JeansEpc(2) })).ShouldBeAsync(HttpStatusCode.OK);

        last.GetProperty("status").GetString().ShouldBe("Completed");
        last.GetProperty("remainingUnits").GetInt32().ShouldBe(0);
        last.GetProperty("remaining").GetArrayLength().ShouldBe(0);
        var read = await driver.GetPickListAsync(listId);
        read.GetProperty("status").GetString().ShouldBe("Completed");
        read.GetProperty("completedAt").GetDateTime().ShouldBeGreaterThan(read.GetProperty("createdAt").GetDateTime().AddSeconds(-1));
        PickLines(read).Select(l => (l.Sku, l.Location, l.Quantity, l.Picked)).ShouldBe([("TEE", "AAA-B1", 2, 2), ("JEANS", "AAA-P1", 2, 2), ("MUG", "AAA-P2", 2, 2)]);
        var done = await (await driver.ScanAsync(listId, new { sku = "TEE" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        done.GetProperty("detail").GetString()!.ShouldContain("Completed");
        await (await driver.PostPickListAsync("AAA")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_rfid_tag_read_again_even_at_once_or_with_another_filter_value_picks_its_unit_once()
    {
        using var staff = App.Admin();
        var (driver, _, listId) = await ScannableListAsync(staff);
        var tag = ScannedCatalog.JeansEpc(7);
        var sameUnitOtherFilter = Sgtin96.For(Gtin.Parse(ScannedCatalog.JeansGtin), 7, 7, filter: 3).Encode();
        sameUnitOtherFilter.ShouldNotBe(tag);

        // A reader passing a trolley reports the tag several times at once.
        var reads = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => driver.ScanAsync(listId, new { epc = i % 2 == 0 ? tag : sameUnitOtherFilter })));
        var answers = new List<JsonElement>();
        foreach (var read in reads)
        {
            answers.Add(await read.ShouldBeAsync(HttpStatusCode.OK));
        }

        answers.Count(a => !a.GetProperty("repeated").GetBoolean()).ShouldBe(1, "one read picks the unit; the others are repeats");
        answers.ShouldAllBe(a => a.GetProperty("picked").GetProperty("sku").GetString() == "JEANS" && a.GetProperty("picked").GetProperty("pickedQuantity").GetInt32() == 1);
        PickLines(await driver.GetPickListAsync(listId)).Single(l => l.Sku == "JEANS").Picked.ShouldBe(1);

        await (await driver.ScanAsync(listId, new { sku = "TEE", quantity = 2 })).ShouldBeAsync(HttpStatusCode.OK);
        await (await driver.ScanAsync(listId, new { sku = "MUG", quantity = 2 })).ShouldBeAsync(HttpStatusCode.OK);
        (await (await driver.ScanAsync(listId, new { epc = ScannedCatalog.JeansEpc(8) })).ShouldBeAsync(HttpStatusCode.OK))
            .GetProperty("status").GetString().ShouldBe("Completed");

        var late = await (await driver.ScanAsync(listId, new { epc = tag })).ShouldBeAsync(HttpStatusCode.OK);
        late.GetProperty("repeated").GetBoolean().ShouldBeTrue("a tag still in range after the list completed is a repeat, not a conflict");
        (await driver.ScanAsync(listId, new { epc = ScannedCatalog.JeansEpc(9) })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "a new unit on a completed list");
    }

    [Fact]
    public async Task A_wrong_item_a_bad_code_or_an_over_pick_is_refused_with_what_the_list_expects_and_picks_nothing()
    {
        using var staff = App.Admin();
        var (driver, _, listId) = await ScannableListAsync(staff);
        await driver.SkusAsync("CAP");

        var wrong = await (await driver.ScanAsync(listId, new { sku = "CAP" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        wrong.GetProperty("code").GetString().ShouldBe("not-on-pick-list");
        wrong.GetProperty("expected").EnumerateArray()
            .Select(e => (e.GetProperty("sku").GetString(), e.GetProperty("locationCode").GetString(), e.GetProperty("remaining").GetInt32()))
            .ShouldBe([("TEE", "AAA-B1", 2), ("JEANS", "AAA-P1", 2), ("MUG", "AAA-P2", 2)]);
        (await (await driver.ScanAsync(listId, new { sku = "MUG", locationCode = "AAA-P1" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("not-on-pick-list");
        (await (await driver.ScanAsync(listId, new { barcode = "96385074" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("not-on-pick-list");
        (await (await driver.ScanAsync(listId, new { barcode = "4006381333932" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("invalid-check-digit");
        (await (await driver.ScanAsync(listId, new { epc = "E2801160600002054A2F7B1C" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))
            .GetProperty("code").GetString().ShouldBe("invalid-epc");
        var over = await (await driver.ScanAsync(listId, new { sku = "MUG", quantity = 3 })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        over.GetProperty("code").GetString().ShouldBe("over-pick");
        over.GetProperty("remaining").GetInt32().ShouldBe(2);

        foreach (var body in new object[] { new { }, new { sku = "MUG", barcode = "4006381333931" }, new { sku = "MUG", quantity = 0 }, new { epc = ScannedCatalog.JeansEpc(3), quantity = 2 }, new { sku = "MUG", orderLineId = Guid.Empty } })
        {
            await (await driver.ScanAsync(listId, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        await (await driver.ScanAsync(Guid.NewGuid(), new { sku = "MUG" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await driver.GetPickListAsync(listId)).GetProperty("remainingUnits").GetInt32().ShouldBe(6, "no refused scan picked anything");
    }

    [Fact]
    public async Task Shipping_short_shipping_and_cancelling_end_the_orders_lines_and_what_is_still_to_ship_can_go_on_a_new_list()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 20);
        var shipped = await driver.PlaceAsync("FR", ("TEE", 2));
        var shortShipped = await driver.PlaceAsync("FR", ("TEE", 3));
        var cancelled = await driver.PlaceAsync("FR", ("TEE", 1));
        var list = Id(await driver.PickListAsync("AAA"));
        await (await driver.ScanAsync(list, new { sku = "TEE", quantity = 2 })).ShouldBeAsync(HttpStatusCode.OK);

        await (await staff.PostAsJsonAsync($"/api/v1/orders/{Id(shipped)}/shipments",
            new { lines = new[] { new { orderLineId = LineId(shipped, "TEE"), quantity = 2 } } })).ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{Id(shortShipped)}/short-ship",
            new { lines = new[] { new { orderLineId = LineId(shortShipped, "TEE"), quantity = 1 } }, reason = "damaged" })).ShouldBeAsync(HttpStatusCode.OK);
        var open = await driver.GetPickListAsync(list);
        open.GetProperty("status").GetString().ShouldBe("Open");
        open.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("orderId").GetGuid(), l.GetProperty("ended").GetBoolean(), l.GetProperty("remaining").GetInt32()))
            .ShouldBe([(Id(shipped), true, 0), (Id(shortShipped), true, 0), (Id(cancelled), false, 1)]);

        await (await staff.PostAsync($"/api/v1/orders/{Id(cancelled)}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);
        var ended = await driver.GetPickListAsync(list);
        ended.GetProperty("status").GetString().ShouldBe("Completed");
        ended.GetProperty("remainingUnits").GetInt32().ShouldBe(0);

        PickLines(await driver.PickListAsync("AAA")).ShouldBe([(Id(shortShipped), "TEE", "AAA-P1", 2, 0)], "the two units the short-shipped order still needs");
    }
}
