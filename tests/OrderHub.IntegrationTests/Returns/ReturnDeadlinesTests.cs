using System.Globalization;
using System.Net;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Returns.Contracts;

namespace OrderHub.IntegrationTests.Returns;

/// <summary>Deadlines as the clock moves: the return window's last second, reminders, expiry and the inspection work queue.</summary>
public sealed class ReturnDeadlinesTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private async Task<List<string>> ReturnEventsAsync() =>
        (await App.OutboxAsync(ReturnsContracts.Schema)).Select(m => m.Type).ToList();

    private Task EventuallyAnnouncedAsync(Type eventType, string because) =>
        Eventually.HoldsAsync(async () => (await ReturnEventsAsync()).Contains(eventType.FullName!), because);

    private static async Task<JsonElement> StatusBecomesAsync(ReturnScenario scenario, JsonElement rma, string status)
    {
        JsonElement current = default;
        await Eventually.HoldsAsync(async () =>
        {
            current = await scenario.GetAsync(rma);
            return current.GetProperty("status").GetString() == status;
        }, $"the return becomes {status}");
        return current;
    }

    [Fact]
    public async Task A_return_can_be_started_until_the_last_second_of_the_windows_last_day_and_not_a_second_later()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        var order = await scenario.DeliveredOrderAsync("plain@example.com", null, [("TEE", 1)]);
        var lastDay = App.Clock.UtcNow.Date.AddDays(30);

        App.Clock.MoveTo(lastDay.AddDays(1).AddSeconds(-1));
        var open = await scenario.ReturnableLineAsync(order, "TEE");
        open.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        open.GetProperty("deadline").GetDateTime().ShouldBe(lastDay.AddDays(1).AddTicks(-1));

        App.Clock.MoveTo(lastDay.AddDays(1));
        var closed = await scenario.ReturnableLineAsync(order, "TEE");
        closed.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        closed.GetProperty("reasons")[0].GetString()
            .ShouldBe($"The 30-day return window for this item closed on {lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        await (await scenario.RequestAsync(order, "Refund", [("TEE", 1, "ChangedMind")])).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_approved_return_is_reminded_two_days_before_it_expires_then_expires_and_is_no_longer_expected()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        await scenario.PolicyAsync(p => p["daysToShip"] = 5);
        var order = await scenario.DeliveredOrderAsync(("TEE", 2));
        var approved = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 2, "TooSmall")]));
        var shipBy = approved.GetProperty("shipBy").GetDateTime();
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(2);

        App.Clock.MoveTo(shipBy.AddDays(-2).AddMinutes(1));
        await EventuallyAnnouncedAsync(typeof(ReturnExpiring), "the customer is reminded two days before the return expires");
        (await scenario.GetAsync(approved)).GetProperty("status").GetString().ShouldBe("Approved");
        (await ReturnEventsAsync()).ShouldNotContain(typeof(ReturnExpired).FullName!);

        App.Clock.MoveTo(shipBy.AddMinutes(1));
        await StatusBecomesAsync(scenario, approved, "Expired");
        await EventuallyAnnouncedAsync(typeof(ReturnExpired), "the expiry is announced");
        (await ReturnEventsAsync()).Count(t => t == typeof(ReturnExpiring).FullName).ShouldBe(1);
        var stock = await scenario.StockAsync("TEE");
        stock.GetProperty("inboundReturns").GetInt32().ShouldBe(0);
        stock.GetProperty("nonSellable").GetInt32().ShouldBe(0);
        await (await scenario.ScanAsync(approved)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await scenario.ReturnableLineAsync(order, "TEE")).GetProperty("returnableQuantity").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task An_expired_exchange_releases_the_replacement_it_reserved()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("TEE-L", 4));
        var order = await scenario.DeliveredOrderAsync(("TEE", 1));
        var approved = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Exchange", [("TEE", 1, "TooSmall")], exchangeSku: "TEE-L"));
        (await scenario.StockAsync("TEE-L")).GetProperty("reserved").GetInt32().ShouldBe(1);

        App.Clock.MoveTo(approved.GetProperty("shipBy").GetDateTime().AddMinutes(1));
        await StatusBecomesAsync(scenario, approved, "Expired");
        var replacement = await scenario.StockAsync("TEE-L");
        replacement.GetProperty("reserved").GetInt32().ShouldBe(0);
        replacement.GetProperty("available").GetInt32().ShouldBe(4);
        (await scenario.StockAsync("TEE")).GetProperty("inboundReturns").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_received_return_not_inspected_within_48_hours_is_on_the_inspection_work_queue()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        var order = await scenario.DeliveredOrderAsync(("TEE", 2));
        var waiting = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]));
        var received = await scenario.ReceiveAsync(waiting);
        var onTime = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooLarge")]));
        var receivedAt = received.GetProperty("receivedAt").GetDateTime();

        App.Clock.MoveTo(receivedAt.AddHours(47));
        await scenario.ReceiveAsync(onTime);
        var queue = $"{ReturnScenario.Returns}?inspectionOverdue=true";
        (await (await scenario.Staff.GetAsync(queue)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32().ShouldBe(0);

        App.Clock.MoveTo(receivedAt.AddHours(48).AddMinutes(1));
        JsonElement overdue = default;
        await Eventually.HoldsAsync(async () =>
        {
            overdue = await (await scenario.Staff.GetAsync(queue)).ShouldBeAsync(HttpStatusCode.OK);
            return overdue.GetProperty("totalCount").GetInt32() > 0;
        }, "the return received 48 hours ago shows on the inspection work queue");
        overdue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("rmaNumber").GetString())
            .ShouldBe([received.GetProperty("rmaNumber").GetString()]);
        var timeline = await scenario.TimelineAsync(received);
        var flagged = timeline.EnumerateArray().Last();
        flagged.GetProperty("event").GetString().ShouldBe("InspectionOverdue");
        flagged.GetProperty("status").GetString().ShouldBe("Received");

        await scenario.InspectAsync(received, "New", "Restock");
        (await (await scenario.Staff.GetAsync(queue)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }
}
