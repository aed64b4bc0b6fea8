using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Returns;

public sealed class SerialReturnerTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private static string[] ReviewReasons(JsonElement rma) => rma.GetProperty("reviewReasons").EnumerateArray().Select(r => r.GetString()!).ToArray();

    /// <summary>A policy that approves every return of these cheap orders, unless the customer returns half their recent orders.</summary>
    private async Task<ReturnScenario> AutoApprovingAsync(int minimumOrders)
    {
        var scenario = await ReturnScenario.StartAsync(App, ("TEE", 50));
        await scenario.PolicyAsync(p =>
        {
            p["autoApproveMaxOrderValue"] = 1000m;
            p["serialReturnerThresholdPercent"] = 50m;
            p["serialReturnerLookbackOrders"] = 10;
            p["serialReturnerMinimumOrders"] = minimumOrders;
        });
        return scenario;
    }

    [Fact]
    public async Task A_customer_who_returned_from_most_recent_orders_waits_for_a_person_and_staff_see_why()
    {
        using var scenario = await AutoApprovingAsync(minimumOrders: 3);
        var orders = new List<ReturnScenario.DeliveredOrder>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(await scenario.DeliveredOrderAsync("often@example.com", null, [("TEE", 1)]));
        }

        var first = await scenario.ReturnAsync(orders[0], "Refund", [("TEE", 1, "TooSmall")]);
        first.GetProperty("status").GetString().ShouldBe("Approved");
        ReviewReasons(first).ShouldBeEmpty();
        (await scenario.ReturnAsync(orders[1], "Refund", [("TEE", 1, "TooSmall")])).GetProperty("status").GetString().ShouldBe("Approved");

        var flagged = await scenario.ReturnAsync(orders[2], "Refund", [("TEE", 1, "TooSmall")]);
        flagged.GetProperty("status").GetString().ShouldBe("Requested");
        ReviewReasons(flagged).ShouldBe(["Serial returner: 2 of the last 3 orders were returned (67% ≥ 50%)."]);
        ReviewReasons(await scenario.GetAsync(flagged)).ShouldBe(ReviewReasons(flagged));
        var timeline = await scenario.TimelineAsync(flagged);
        timeline[0].GetProperty("detail").GetString()!.ShouldContain("Serial returner");
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(2);

        var newcomer = await scenario.DeliveredOrderAsync("rarely@example.com", null, [("TEE", 1)]);
        var trusted = await scenario.ReturnAsync(newcomer, "Refund", [("TEE", 1, "TooSmall")]);
        trusted.GetProperty("status").GetString().ShouldBe("Approved");
        ReviewReasons(trusted).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelled_returns_do_not_count_towards_the_serial_returner_share()
    {
        using var scenario = await AutoApprovingAsync(minimumOrders: 2);
        var first = await scenario.DeliveredOrderAsync("often@example.com", null, [("TEE", 1)]);
        var second = await scenario.DeliveredOrderAsync("often@example.com", null, [("TEE", 1)]);
        var withdrawn = await scenario.ReturnAsync(first, "Refund", [("TEE", 1, "TooSmall")]);
        await scenario.CancelAsync(withdrawn);

        (await scenario.ReturnAsync(second, "Refund", [("TEE", 1, "TooSmall")])).GetProperty("status").GetString().ShouldBe("Approved");
        var flagged = await scenario.ReturnAsync(first, "Refund", [("TEE", 1, "TooSmall")]);
        flagged.GetProperty("status").GetString().ShouldBe("Requested");
        ReviewReasons(flagged)[0].ShouldStartWith("Serial returner: 1 of the last 2 orders");
    }
}
