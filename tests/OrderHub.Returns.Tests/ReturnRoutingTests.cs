using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Tests;

/// <summary>Where a parcel goes when the policy pins no warehouse: where its SKUs are needed most.</summary>
public sealed class ReturnRoutingTests
{
    [Fact]
    public void The_warehouse_with_the_fewest_units_available_against_its_sales_wins_and_says_so()
    {
        var route = ReturnRouting.ByNeed(
            [new StockLine("TEE", 1)],
            [new WarehouseAvailability("AMS1", "TEE", 3), new WarehouseAvailability("BER1", "TEE", 4)],
            [new WarehouseShipments("AMS1", "TEE", 40), new WarehouseShipments("BER1", "TEE", 6)]);

        route.ShouldBe(new ReturnRoute("AMS1", "AMS1 needs these SKUs most: 3 available against 40 sold in 30 days"));
    }

    [Fact]
    public void Each_sku_weighs_by_the_units_coming_back_and_a_tie_goes_to_the_lower_warehouse_code()
    {
        WarehouseAvailability[] available = [new("AMS1", "TEE", 10), new("BER1", "CAP", 10), new("AMS1", "SOCKS", 0)];
        WarehouseShipments[] shipped = [new("AMS1", "CAP", 10), new("BER1", "TEE", 10), new("AMS1", "SOCKS", 500)];

        ReturnRouting.ByNeed([new StockLine("TEE", 1), new StockLine("CAP", 1)], available, shipped).WarehouseCode.ShouldBe("AMS1");
        ReturnRouting.ByNeed([new StockLine("TEE", 2), new StockLine("TEE", 1), new StockLine("CAP", 1)], available, shipped)
            .ShouldBe(new ReturnRoute("BER1", "BER1 needs these SKUs most: 10 available against 10 sold in 30 days"));
    }

    [Fact]
    public void An_equal_need_goes_to_the_preferred_warehouse_before_the_lower_code_and_an_unranked_one_counts_as_the_default_priority()
    {
        WarehouseAvailability[] available = [new("AMS1", "TEE", 5), new("BER1", "TEE", 5), new("CPH1", "TEE", 5)];
        WarehouseShipments[] shipped = [new("AMS1", "TEE", 10), new("BER1", "TEE", 10), new("CPH1", "TEE", 10)];

        ReturnRouting.ByNeed([new StockLine("TEE", 1)], available, shipped, new Dictionary<string, int> { ["AMS1"] = 200, ["BER1"] = 100, ["CPH1"] = 50 })
            .WarehouseCode.ShouldBe("CPH1");
        ReturnRouting.ByNeed([new StockLine("TEE", 1)], available, shipped, new Dictionary<string, int> { ["AMS1"] = 200, ["CPH1"] = 100 })
            .WarehouseCode.ShouldBe("BER1");
    }

    [Fact]
    public void A_warehouse_that_sold_the_skus_comes_before_one_that_sold_none_and_without_sales_the_fewest_units_win()
    {
        var route = ReturnRouting.ByNeed(
            [new StockLine("TEE", 1)],
            [new WarehouseAvailability("AMS1", "TEE", 0), new WarehouseAvailability("BER1", "TEE", 50)],
            [new WarehouseShipments("BER1", "TEE", 1)]);
        var unsold = ReturnRouting.ByNeed([new StockLine("TEE", 1)], [new WarehouseAvailability("BER1", "TEE", 5), new WarehouseAvailability("AMS1", "TEE", 7)], []);

        route.WarehouseCode.ShouldBe("BER1");
        unsold.ShouldBe(new ReturnRoute("BER1", "BER1 holds the fewest of these SKUs: 5 available and none sold in 30 days"));
    }

    [Fact]
    public void Without_figures_no_warehouse_is_chosen_and_a_pinned_one_names_its_policy_version()
    {
        ReturnRouting.ByNeed([new StockLine("TEE", 1)], [], []).WarehouseCode.ShouldBeNull();
        ReturnRouting.Pinned("W", 7).ShouldBe(new ReturnRoute("W", "pinned by policy v7"));
    }
}
