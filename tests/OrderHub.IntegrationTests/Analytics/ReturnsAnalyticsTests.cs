using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Analytics;

/// <summary>
/// A known history built through the API at chosen times: two orders delivered on a Monday (ten units), three
/// returns (one cancelled), approved, received and inspected hours apart. Every figure below follows from it.
/// </summary>
public sealed class ReturnsAnalyticsTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private const string Analytics = "/api/v1/analytics/returns";

    private sealed record History(string Window, string Day, decimal Refund, decimal StoreCredit);

    /// <summary>Order A (loyal, no storefront): TEE×4, MUG×2; order B (standard, storefront north): TEE×4.</summary>
    private async Task<History> BuildHistoryAsync(ReturnScenario scenario)
    {
        var now = App.Clock.UtcNow;
        var monday = now.Date.AddDays(((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7 + 7).AddHours(8);
        App.Clock.MoveTo(monday);
        await scenario.SkuAsync("TEE", 50, "apparel");
        await scenario.SkuAsync("MUG", 20, "kitchen");
        var a = await scenario.DeliveredOrderAsync("a@example.com", "loyal", [("TEE", 4), ("MUG", 2)]);
        var b = await scenario.DeliveredOrderAsync("b@example.com", "standard", [("TEE", 4)], storefront: "north");

        var r1 = await scenario.ReturnAsync(a, "Refund", [("TEE", 2, "TooSmall"), ("MUG", 1, "Damaged")]);
        var r2 = await scenario.ReturnAsync(b, "StoreCredit", [("TEE", 1, "TooLarge")]);
        var r3 = await scenario.ReturnAsync(b, "Refund", [("TEE", 1, "ChangedMind")]);
        await scenario.CancelAsync(r3);

        App.Clock.Advance(TimeSpan.FromHours(2));
        await scenario.ApproveAsync(r1);
        App.Clock.Advance(TimeSpan.FromHours(8));
        await scenario.ApproveAsync(r2);
        App.Clock.Advance(TimeSpan.FromHours(16));
        await scenario.ReceiveAsync(r1);
        App.Clock.Advance(TimeSpan.FromHours(4));
        await scenario.ReceiveAsync(r2);
        await scenario.InspectAsync(r2, "Damaged", "Dispose");
        App.Clock.Advance(TimeSpan.FromHours(2));
        await scenario.InspectAsync(r1, "New", "Restock");

        var refund = (await scenario.GetAsync(r1)).GetProperty("refundAmount").GetDecimal();
        var credit = (await scenario.GetAsync(r2)).GetProperty("storeCreditAmount").GetDecimal();
        var day = DateOnly.FromDateTime(monday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var history = new History($"from={day}&to={DateOnly.FromDateTime(monday).AddDays(6):yyyy-MM-dd}", day, refund, credit);
        await Eventually.HoldsAsync(async () =>
        {
            var summary = await GetAsync(scenario.Staff, $"{Analytics}/summary?{history.Window}");
            return summary.GetProperty("unitsReturned").GetInt32() == 4 && summary.GetProperty("byDisposition").GetProperty("Restock").GetInt32() == 3;
        }, "analytics applies every event of the history");
        return history;
    }

    [Fact]
    public async Task The_summary_and_breakdowns_give_the_exact_rates_reasons_money_and_dispositions_of_the_history()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        var history = await BuildHistoryAsync(scenario);
        var staff = scenario.Staff;

        var summary = await GetAsync(staff, $"{Analytics}/summary?{history.Window}");
        summary.GetProperty("ordersDelivered").GetInt32().ShouldBe(2);
        summary.GetProperty("unitsSold").GetInt32().ShouldBe(10);
        summary.GetProperty("unitsReturned").GetInt32().ShouldBe(4);
        summary.GetProperty("returnRate").GetDecimal().ShouldBe(0.4m);
        history.Refund.ShouldBeGreaterThan(0m);
        summary.GetProperty("refundTotal").GetDecimal().ShouldBe(history.Refund);
        summary.GetProperty("storeCreditTotal").GetDecimal().ShouldBe(history.StoreCredit);
        summary.GetProperty("exchangeCount").GetInt32().ShouldBe(0);
        summary.GetProperty("keepItCount").GetInt32().ShouldBe(0);
        summary.GetProperty("byResolution").GetRawText().ShouldBe("""{"Refund":1,"StoreCredit":1,"Exchange":0}""");
        summary.GetProperty("byDisposition").GetRawText().ShouldBe("""{"Restock":3,"Refurbish":0,"Dispose":1,"ReturnToVendor":0}""");

        Rows(await GetAsync(staff, $"{Analytics}/by?dimension=sku&{history.Window}")).ShouldBe(
            ["MUG 2/1 0.5 [Damaged:1]", "TEE 8/3 0.375 [TooSmall:2,TooLarge:1]"]);
        Rows(await GetAsync(staff, $"{Analytics}/by?dimension=category&{history.Window}")).ShouldBe(
            ["kitchen 2/1 0.5 [Damaged:1]", "apparel 8/3 0.375 [TooSmall:2,TooLarge:1]"]);
        Rows(await GetAsync(staff, $"{Analytics}/by?dimension=reason&{history.Window}")).ShouldBe(
            ["TooSmall 10/2 0.2 [TooSmall:2]", "Damaged 10/1 0.1 [Damaged:1]", "TooLarge 10/1 0.1 [TooLarge:1]"]);
        Rows(await GetAsync(staff, $"{Analytics}/by?dimension=segment&{history.Window}")).ShouldBe(
            ["loyal 6/3 0.5 [TooSmall:2,Damaged:1]", "standard 4/1 0.25 [TooLarge:1]"]);
        Rows(await GetAsync(staff, $"{Analytics}/by?dimension=storefront&{history.Window}")).ShouldBe(
            ["(none) 6/3 0.5 [TooSmall:2,Damaged:1]", "north 4/1 0.25 [TooLarge:1]"]);
        var week = ISOWeek.GetYear(DateTime.Parse(history.Day, CultureInfo.InvariantCulture)) + "-W"
            + ISOWeek.GetWeekOfYear(DateTime.Parse(history.Day, CultureInfo.InvariantCulture)).ToString("D2", CultureInfo.InvariantCulture);
        Rows(await GetAsync(staff, $"{Analytics}/by?dimension=week&{history.Window}")).ShouldBe(
            [$"{week} 10/4 0.4 [TooSmall:2,Damaged:1,TooLarge:1]"]);

        // Nearest rank over two returns: the 50th percentile is the shorter, the 90th the longer (no interpolation).
        var stages = (await GetAsync(staff, $"{Analytics}/processing-times?{history.Window}")).EnumerateArray()
            .Select(s => $"{s.GetProperty("stage").GetString()} {s.GetProperty("count").GetInt32()} {s.GetProperty("p50Hours").GetDecimal():0.##}/{s.GetProperty("p90Hours").GetDecimal():0.##}/{s.GetProperty("maxHours").GetDecimal():0.##}")
            .ToList();
        stages.ShouldBe(["requestedToApproved 2 2/10/10", "approvedToReceived 2 20/24/24", "receivedToCompleted 2 0/6/6", "requestedToCompleted 2 30/32/32"]);

        var customers = await GetAsync(staff, $"{Analytics}/customers?{history.Window}");
        customers.GetProperty("totalCount").GetInt32().ShouldBe(2);
        customers.GetProperty("items").EnumerateArray()
            .Select(c => $"{c.GetProperty("customerEmail").GetString()} {c.GetProperty("ordersDelivered").GetInt32()} {c.GetProperty("unitsSold").GetInt32()} {c.GetProperty("returns").GetInt32()} {c.GetProperty("unitsReturned").GetInt32()} {c.GetProperty("returnRate").GetDecimal()}")
            .ShouldBe(["a@example.com 1 6 1 3 0.5", "b@example.com 1 4 1 1 0.25"]);

        var paged = await GetAsync(staff, $"{Analytics}/by?dimension=sku&pageSize=1&page=2&{history.Window}");
        paged.GetProperty("totalCount").GetInt32().ShouldBe(2);
        Rows(paged).ShouldBe(["TEE 8/3 0.375 [TooSmall:2,TooLarge:1]"]);

        (await GetAsync(staff, $"{Analytics}/summary?from=2000-01-01&to=2000-01-31")).GetProperty("unitsSold").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Every_route_answers_the_same_rows_as_RFC_4180_CSV_when_asked_for_text_csv()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        var history = await BuildHistoryAsync(scenario);

        (await CsvAsync(scenario.Staff, $"{Analytics}/by?dimension=sku&{history.Window}")).ShouldBe(
            "key,unitsSold,unitsReturned,returnRate,topReasons\r\nMUG,2,1,0.5,Damaged:1\r\nTEE,8,3,0.375,TooSmall:2;TooLarge:1\r\n");
        (await CsvAsync(scenario.Staff, $"{Analytics}/processing-times?{history.Window}")).Split("\r\n")[0].ShouldBe("stage,count,p50Hours,p90Hours,maxHours");
        (await CsvAsync(scenario.Staff, $"{Analytics}/customers?{history.Window}")).ShouldBe(
            "customerEmail,ordersDelivered,unitsSold,returns,unitsReturned,returnRate\r\na@example.com,1,6,1,3,0.5\r\nb@example.com,1,4,1,1,0.25\r\n");
        var summary = (await CsvAsync(scenario.Staff, $"{Analytics}/summary?{history.Window}")).Split("\r\n");
        summary[0].ShouldBe("from,to,storefront,ordersDelivered,unitsSold,unitsReturned,returnRate,refundTotal,storeCreditTotal,exchangeCount,keepItCount,"
            + "byResolution.Refund,byResolution.StoreCredit,byResolution.Exchange,byDisposition.Restock,byDisposition.Refurbish,byDisposition.Dispose,byDisposition.ReturnToVendor");
        summary[1].ShouldEndWith(string.Create(CultureInfo.InvariantCulture, $",,2,10,4,0.4,{history.Refund:0.00},{history.StoreCredit:0.00},0,0,1,1,0,3,0,1,0"));
    }

    [Fact]
    public async Task A_storefront_key_sees_only_its_own_storefront_whatever_it_asks_for()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        var history = await BuildHistoryAsync(scenario);
        using var north = await App.ClientForRoleAsync("storefront", "north");

        foreach (var asked in new[] { string.Empty, "&storefront=(none)", "&storefront=south" })
        {
            var summary = await GetAsync(north, $"{Analytics}/summary?{history.Window}{asked}");
            summary.GetProperty("storefront").GetString().ShouldBe("north");
            summary.GetProperty("ordersDelivered").GetInt32().ShouldBe(1);
            summary.GetProperty("unitsSold").GetInt32().ShouldBe(4);
            summary.GetProperty("unitsReturned").GetInt32().ShouldBe(1);
            summary.GetProperty("storeCreditTotal").GetDecimal().ShouldBe(history.StoreCredit);
            summary.GetProperty("refundTotal").GetDecimal().ShouldBe(0m);
        }

        Rows(await GetAsync(north, $"{Analytics}/by?dimension=sku&{history.Window}&storefront=(none)")).ShouldBe(["TEE 4/1 0.25 [TooLarge:1]"]);
        (await GetAsync(north, $"{Analytics}/customers?{history.Window}")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("customerEmail").GetString()).ShouldBe(["b@example.com"]);
        (await GetAsync(north, $"{Analytics}/processing-times?{history.Window}"))[0].GetProperty("count").GetInt32().ShouldBe(1);

        var staffView = await GetAsync(scenario.Staff, $"{Analytics}/summary?{history.Window}&storefront=(none)");
        staffView.GetProperty("unitsSold").GetInt32().ShouldBe(6);
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_answers_as_the_events_and_replaying_events_changes_nothing()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        var history = await BuildHistoryAsync(scenario);
        var routes = new[] { "summary?", "by?dimension=sku&", "by?dimension=category&", "by?dimension=reason&", "by?dimension=segment&",
            "by?dimension=storefront&", "by?dimension=week&", "processing-times?", "customers?" }
            .Select(r => $"{Analytics}/{r}{history.Window}").ToList();
        var incremental = await AnswersAsync(scenario.Staff, routes);

        // Every event is delivered again: first the inbox recognises them, then, with the inbox emptied, the read
        // model's own facts do.
        await RedeliverEverythingAsync(forgetAnalyticsInbox: false);
        (await AnswersAsync(scenario.Staff, routes)).ShouldBe(incremental);
        await RedeliverEverythingAsync(forgetAnalyticsInbox: true);
        (await AnswersAsync(scenario.Staff, routes)).ShouldBe(incremental);

        using var staff = await App.ClientForRoleAsync("staff");
        (await staff.PostAsync("/api/v1/analytics/rebuild", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var rebuilt = await (await scenario.Staff.PostAsync("/api/v1/analytics/rebuild", null)).ShouldBeAsync(HttpStatusCode.OK);
        rebuilt.GetProperty("ordersDelivered").GetInt32().ShouldBe(2);
        rebuilt.GetProperty("returns").GetInt32().ShouldBe(3);
        (await AnswersAsync(scenario.Staff, routes)).ShouldBe(incremental);

        // After a rebuild, the events keep being applied once each.
        await RedeliverEverythingAsync(forgetAnalyticsInbox: true);
        (await AnswersAsync(scenario.Staff, routes)).ShouldBe(incremental);
    }

    [Theory]
    [InlineData("summary?from=2026-13-01")]
    [InlineData("summary?to=yesterday")]
    [InlineData("summary?from=2026-12-10&to=2026-12-01")]
    [InlineData("summary?from=2024-01-01&to=2026-01-01")]
    [InlineData("by?dimension=colour")]
    [InlineData("by")]
    [InlineData("by?dimension=sku&pageSize=0")]
    [InlineData("customers?page=0")]
    [InlineData("processing-times?from=01/12/2026")]
    public async Task Bad_analytics_input_is_a_400_problem(string route)
    {
        using var staff = App.Admin();
        var response = await staff.GetAsync($"{Analytics}/{route}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url) =>
        await (await client.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);

    private static async Task<string> CsvAsync(HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<List<string>> AnswersAsync(HttpClient client, IEnumerable<string> routes)
    {
        var answers = new List<string>();
        foreach (var route in routes)
        {
            answers.Add((await GetAsync(client, route)).GetRawText());
        }

        return answers;
    }

    private static List<string> Rows(JsonElement page) =>
        page.GetProperty("items").EnumerateArray()
            .Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{r.GetProperty("key").GetString()} {r.GetProperty("unitsSold").GetInt32()}/{r.GetProperty("unitsReturned").GetInt32()} {r.GetProperty("returnRate").GetDecimal()} "
                + $"[{string.Join(',', r.GetProperty("topReasons").EnumerateArray().Select(t => $"{t.GetProperty("reason").GetString()}:{t.GetProperty("units").GetInt32()}"))}]"))
            .ToList();

    /// <summary>Marks every message of Orders and Returns undelivered and delivers them all again.</summary>
    private async Task RedeliverEverythingAsync(bool forgetAnalyticsInbox)
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
            ModuleDbContext Context(string schema) => (ModuleDbContext)scope.ServiceProvider.GetRequiredService(catalog.Modules.Single(m => m.Schema == schema).DbContextType);
            if (forgetAnalyticsInbox)
            {
                await Context("analytics").InboxMessages.ExecuteDeleteAsync();
            }

            var past = App.Clock.UtcNow.AddMinutes(-1);
            foreach (var schema in new[] { "orders", "returns" })
            {
                await Context(schema).OutboxMessages.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxMessageStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, past));
            }
        }

        await Eventually.HoldsAsync(async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
            await App.Services.GetRequiredService<OutboxDispatcher>().ProcessDueAsync(CancellationToken.None);
            var pending = 0;
            foreach (var schema in new[] { "orders", "returns" })
            {
                var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(catalog.Modules.Single(m => m.Schema == schema).DbContextType);
                pending += await context.OutboxMessages.CountAsync(m => m.Status != OutboxMessageStatus.Processed);
            }

            return pending == 0;
        }, "every message is delivered again");
    }
}
