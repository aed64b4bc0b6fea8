using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Inventory.Contracts;

namespace OrderHub.IntegrationTests.Inventory;

public sealed class StockTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_receipt_adds_on_hand_to_its_location_and_writes_a_receipt_movement()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();

        var response = await driver.ReceiveAsync("SKU-A", "W1-BULK", 12, "PO-1001");
        var body = await response.ShouldBeAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/api/v1/inventory/SKU-A");
        body.GetProperty("stock").GetProperty("available").GetInt32().ShouldBe(12);
        var movement = body.GetProperty("movements")[0];
        movement.GetProperty("type").GetString().ShouldBe("Receipt");
        movement.GetProperty("reference").GetString().ShouldBe("PO-1001");

        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.OnHand.ShouldBe(12);
        stock.Available.ShouldBe(12);
        stock.NonSellable.ShouldBe(0);
        stock.Locations.Single().ShouldBe(new OrderHub.Inventory.Contracts.LocationStock("W1-BULK", OrderHub.Warehouse.Contracts.LocationType.Bulk, 12, 0, 12));
    }

    [Fact]
    public async Task Stock_outside_pick_and_bulk_locations_is_on_hand_but_not_available()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-RECV", 10);
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 3);
        await (await driver.TransferAsync("SKU-A", "W1-RECV", "W1-BULK", 4)).ShouldBeAsync(HttpStatusCode.Created);
        await (await driver.TransferAsync("SKU-A", "W1-RECV", "W1-QUAR", 2)).ShouldBeAsync(HttpStatusCode.Created);

        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.OnHand.ShouldBe(13);
        stock.Available.ShouldBe(7);
        stock.NonSellable.ShouldBe(6);
        stock.Locations.Select(l => (l.LocationCode, l.OnHand, l.Available)).ShouldBe(
            [("W1-BULK", 4, 4), ("W1-PICK", 3, 3), ("W1-QUAR", 2, 0), ("W1-RECV", 4, 0)]);
    }

    [Fact]
    public async Task Adjustments_carry_their_reason_and_never_take_stock_below_zero()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 5);

        await (await driver.AdjustAsync("SKU-A", "W1-PICK", -2, "CycleCount")).ShouldBeAsync(HttpStatusCode.Created);
        await (await driver.AdjustAsync("SKU-A", "W1-PICK", 1, "found")).ShouldBeAsync(HttpStatusCode.Created);
        var refused = await (await driver.AdjustAsync("SKU-A", "W1-PICK", -5, "Shrinkage")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("negative");
        await (await driver.AdjustAsync("SKU-A", "W1-BULK", -1, "Damaged")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.OnHand.ShouldBe(4);
        stock.Locations.Select(l => l.LocationCode).ShouldBe(["W1-PICK"], "a refused change leaves no empty level behind");
        var movements = await driver.MovementsAsync("SKU-A");
        movements.Select(m => (m.Type, m.Quantity, m.Reason)).ShouldBe(
            [(MovementType.Adjustment, 1, "Found"), (MovementType.Adjustment, -2, "CycleCount"), (MovementType.Receipt, 5, null)]);
    }

    [Fact]
    public async Task A_transfer_moves_units_with_a_pair_of_movements_and_cannot_move_more_than_is_there()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-BULK", 6);

        var moved = await (await driver.TransferAsync("SKU-A", "W1-BULK", "W1-PICK", 4)).ShouldBeAsync(HttpStatusCode.Created);
        moved.GetProperty("movements").EnumerateArray().Select(m => m.GetProperty("type").GetString()).ShouldBe(["TransferOut", "TransferIn"]);
        await (await driver.TransferAsync("SKU-A", "W1-BULK", "W1-PICK", 3)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await driver.TransferAsync("SKU-A", "W1-DMG", "W1-PICK", 1)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var stock = await driver.ShouldBalanceAsync("SKU-A");
        stock.Locations.Select(l => (l.LocationCode, l.OnHand)).ShouldBe([("W1-BULK", 2), ("W1-PICK", 4)]);
        (await driver.MovementsAsync("SKU-A")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Malformed_or_non_positive_quantities_are_400_problem_details_and_write_nothing()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 5);

        (await (await driver.ReceiveAsync("SKU-A", "W1-PICK", 0)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("quantity", out _).ShouldBeTrue();
        await (await driver.ReceiveAsync("SKU-A", "W1-PICK", -3)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await driver.Client.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku = "SKU-A", locationCode = "W1-PICK" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await driver.Client.PostAsync("/api/v1/inventory/receipts", JsonContent.Create(new { sku = "SKU-A", locationCode = "W1-PICK", quantity = "lots" }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await driver.Client.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku = "SKU-A", locationCode = "W1-PICK", quantity = 1.5 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await driver.AdjustAsync("SKU-A", "W1-PICK", 0)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await driver.AdjustAsync("SKU-A", "W1-PICK", -1, "Stolen")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        await (await driver.TransferAsync("SKU-A", "W1-PICK", "W1-PICK", 1)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await driver.TransferAsync("SKU-A", "W1-PICK", "W1-BULK", 0)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await driver.MovementsAsync("SKU-A")).Count.ShouldBe(1);
        (await driver.ShouldBalanceAsync("SKU-A")).OnHand.ShouldBe(5);
    }

    [Fact]
    public async Task Unknown_skus_and_locations_are_404_problem_details_and_write_nothing()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 5);

        (await (await driver.ReceiveAsync("NOPE", "W1-PICK", 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("NOPE");
        (await (await driver.ReceiveAsync("SKU-A", "NOWHERE", 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("NOWHERE");
        await (await driver.AdjustAsync("SKU-A", "NOWHERE", 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await driver.TransferAsync("SKU-A", "W1-PICK", "NOWHERE", 1)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await driver.Client.GetAsync("/api/v1/inventory/NOPE")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await driver.Client.GetAsync("/api/v1/inventory/NOPE/movements")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await driver.MovementsAsync("SKU-A")).Count.ShouldBe(1);
        (await driver.ShouldBalanceAsync("SKU-A")).OnHand.ShouldBe(5);
    }

    [Fact]
    public async Task The_ledger_is_listed_newest_first_page_by_page()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        for (var i = 1; i <= 5; i++)
        {
            await driver.ReceiveOkAsync("SKU-A", "W1-BULK", i);
        }

        var page = await (await driver.Client.GetAsync("/api/v1/inventory/SKU-A/movements?page=2&pageSize=2")).ShouldBeAsync(HttpStatusCode.OK);
        page.GetProperty("totalCount").GetInt32().ShouldBe(5);
        page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("quantity").GetInt32()).ShouldBe([3, 2]);
        var first = page.GetProperty("items")[0];
        foreach (var field in new[] { "type", "quantity", "locationCode", "reason", "reference", "occurredAt" })
        {
            first.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    [Fact]
    public async Task A_replayed_receipt_with_the_same_idempotency_key_is_counted_once()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        async Task<HttpResponseMessage> Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inventory/receipts") { Content = JsonContent.Create(new { sku = "SKU-A", locationCode = "W1-BULK", quantity = 7 }) };
            request.Headers.Add("Idempotency-Key", "receipt-7");
            return await driver.Client.SendAsync(request);
        }

        await (await Post()).ShouldBeAsync(HttpStatusCode.Created);
        var replay = await Post();
        await replay.ShouldBeAsync(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await driver.ShouldBalanceAsync("SKU-A")).OnHand.ShouldBe(7);
    }

    [Fact]
    public async Task Partners_may_read_stock_but_only_staff_may_change_it()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        using var partner = await App.ClientForRoleAsync("partner");
        await (await partner.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku = "SKU-A", locationCode = "W1-BULK", quantity = 1 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.GetAsync("/api/v1/inventory/SKU-A")).ShouldBeAsync(HttpStatusCode.OK);
    }
}
