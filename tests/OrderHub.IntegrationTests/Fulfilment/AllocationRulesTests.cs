using OrderHub.IntegrationTests.Infrastructure;
using static OrderHub.IntegrationTests.Fulfilment.FulfilmentDriver;

namespace OrderHub.IntegrationTests.Fulfilment;

public sealed class AllocationRulesTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_fewest_warehouses_that_ship_the_whole_order_win_over_a_preferred_priority()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR", priority: 1);
        await driver.WarehouseAsync("BBB", "FR", priority: 500);
        await driver.SkusAsync("TEE", "CAP");
        await driver.ReceiveAsync("TEE", "AAA-P1", 10);
        await driver.ReceiveAsync("TEE", "BBB-P1", 10);
        await driver.ReceiveAsync("CAP", "BBB-P1", 10);

        var order = await driver.PlaceAsync("FR", ("TEE", 2), ("CAP", 1));

        (await driver.AllocatedAsync(Id(order), "TEE")).ShouldBe([("BBB", "BBB-P1", 2)]);
        (await driver.AllocatedAsync(Id(order), "CAP")).ShouldBe([("BBB", "BBB-P1", 1)]);
        (await driver.ReservedByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["BBB-P1"] = 2 });
    }

    [Fact]
    public async Task Among_warehouses_that_can_ship_everything_a_lower_priority_beats_the_ship_to_country()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.WarehouseAsync("BBB", "DE", priority: 10);
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 10);
        await driver.ReceiveAsync("TEE", "BBB-P1", 10);

        var order = await driver.PlaceAsync("FR", ("TEE", 3));

        (await driver.AllocatedAsync(Id(order), "TEE")).ShouldBe([("BBB", "BBB-P1", 3)]);
    }

    [Fact]
    public async Task On_equal_priority_the_warehouse_in_the_ship_to_country_wins()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "DE");
        await driver.WarehouseAsync("BBB", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 10);
        await driver.ReceiveAsync("TEE", "BBB-P1", 10);

        var toFrance = await driver.PlaceAsync("FR", ("TEE", 3));
        var toGermany = await driver.PlaceAsync("DE", ("TEE", 2));

        (await driver.AllocatedAsync(Id(toFrance), "TEE")).ShouldBe([("BBB", "BBB-P1", 3)]);
        (await driver.AllocatedAsync(Id(toGermany), "TEE")).ShouldBe([("AAA", "AAA-P1", 2)]);
    }

    [Fact]
    public async Task A_line_is_not_split_when_one_of_the_chosen_warehouses_holds_all_of_it()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR", priority: 1);
        await driver.WarehouseAsync("BBB", "FR", priority: 2);
        await driver.SkusAsync("TEE", "CAP");
        await driver.ReceiveAsync("TEE", "AAA-P1", 3);
        await driver.ReceiveAsync("TEE", "BBB-P1", 5);
        await driver.ReceiveAsync("CAP", "AAA-P1", 1);

        // Both warehouses are needed (CAP is only in AAA, BBB alone lacks CAP, AAA alone lacks TEE);
        // TEE still comes from BBB alone rather than 3 from the preferred AAA and 1 from BBB.
        var order = await driver.PlaceAsync("FR", ("TEE", 4), ("CAP", 1));

        (await driver.AllocatedAsync(Id(order), "TEE")).ShouldBe([("BBB", "BBB-P1", 4)]);
        (await driver.AllocatedAsync(Id(order), "CAP")).ShouldBe([("AAA", "AAA-P1", 1)]);
    }

    [Fact]
    public async Task A_line_no_single_warehouse_can_ship_is_split_taking_the_preferred_warehouse_first()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR", priority: 20);
        await driver.WarehouseAsync("BBB", "FR", priority: 10);
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 4);
        await driver.ReceiveAsync("TEE", "BBB-P1", 3);

        var order = await driver.PlaceAsync("FR", ("TEE", 6));

        (await driver.AllocatedAsync(Id(order), "TEE")).ShouldBe([("AAA", "AAA-P1", 3), ("BBB", "BBB-P1", 3)]);
        (await driver.ReservedByLocationAsync("TEE")).ShouldBe(new Dictionary<string, int> { ["AAA-P1"] = 3, ["BBB-P1"] = 3 });
    }

    [Fact]
    public async Task Inside_a_warehouse_pick_faces_with_the_most_stock_go_first_then_bulk()
    {
        using var staff = App.Admin();
        var driver = new FulfilmentDriver(staff);
        await driver.WarehouseAsync("AAA", "FR");
        await driver.SkusAsync("TEE");
        await driver.ReceiveAsync("TEE", "AAA-P1", 2);
        await driver.ReceiveAsync("TEE", "AAA-P2", 5);
        await driver.ReceiveAsync("TEE", "AAA-B1", 50);

        var order = await driver.PlaceAsync("FR", ("TEE", 9));

        (await driver.AllocatedAsync(Id(order), "TEE")).ShouldBe([("AAA", "AAA-B1", 2), ("AAA", "AAA-P1", 2), ("AAA", "AAA-P2", 5)]);
    }
}
