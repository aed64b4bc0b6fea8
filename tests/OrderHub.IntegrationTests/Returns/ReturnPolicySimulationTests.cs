using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Returns.Contracts;

namespace OrderHub.IntegrationTests.Returns;

/// <summary>
/// Policy simulation: the returns of the last N days replayed under a candidate policy by the live rules, each as
/// of the moment it was requested, against what it got under its own version; nothing is stored.
/// </summary>
public sealed class ReturnPolicySimulationTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private const string Simulations = "/api/v1/return-policy/simulations";

    /// <summary>
    /// Under 10 % restocking, a 5.00 return-shipping fee and auto-approval below 100.00, all lines at 30.00:
    /// day 3, order A (TEE ×2, CAP ×1, 90.00) returns everything for a change of mind or fit: fees 6.00 + 3.00 + 5.00,
    /// refund 76.00, approved at once; day 10, order B (TEE ×4, 120.00) returns two defective TEEs: no fees, refund
    /// 60.00, waits for a person.
    /// </summary>
    private async Task<History> HistoryAsync(ReturnScenario scenario)
    {
        await scenario.PolicyAsync(p =>
        {
            p["restockingFeePercent"] = 10m;
            p["returnShippingFee"] = 5.00m;
            p["autoApproveMaxOrderValue"] = 100.00m;
            p["daysToShip"] = 60;
        });
        var a = await scenario.DeliveredOrderAsync("a@example.com", null, [("TEE", 2), ("CAP", 1)], unitPrice: 30.00m);
        var b = await scenario.DeliveredOrderAsync("b@example.com", null, [("TEE", 4)], unitPrice: 30.00m);
        var windowCloses = (await scenario.ReturnableLineAsync(b, "TEE")).GetProperty("deadline").GetDateTime();

        App.Clock.Advance(TimeSpan.FromDays(3));
        var first = await scenario.ReturnAsync(a, "Refund", [("TEE", 2, "ChangedMind"), ("CAP", 1, "TooSmall")]);
        first.GetProperty("status").GetString().ShouldBe("Approved");
        first.GetProperty("refundEstimate").GetProperty("restockingFee").GetDecimal().ShouldBe(9.00m);
        first.GetProperty("refundEstimate").GetProperty("total").GetDecimal().ShouldBe(76.00m);

        App.Clock.Advance(TimeSpan.FromDays(7));
        var second = await scenario.ReturnAsync(b, "Refund", [("TEE", 2, "Defective")]);
        second.GetProperty("status").GetString().ShouldBe("Requested");
        second.GetProperty("refundEstimate").GetProperty("total").GetDecimal().ShouldBe(60.00m);

        // The 30-day window of both orders closes on the same day; a 5-day one would have closed 25 days earlier.
        return new History(first.GetProperty("rmaNumber").GetString()!, second.GetProperty("rmaNumber").GetString()!, b.Number, windowCloses.Date.AddDays(-25));
    }

    private static async Task<JsonElement> SimulateAsync(HttpClient staff, JsonObject candidate) =>
        await (await staff.PostAsJsonAsync(Simulations, candidate)).ShouldBeAsync(HttpStatusCode.OK);

    private static JsonElement Sku(JsonElement simulation, string sku) =>
        simulation.GetProperty("bySku").EnumerateArray().Single(s => s.GetProperty("sku").GetString() == sku);

    private static decimal Only(JsonElement simulation, string field)
    {
        var amounts = simulation.GetProperty(field).EnumerateArray().ToList();
        amounts.Count.ShouldBe(1);
        amounts[0].GetProperty("currency").GetString().ShouldBe("EUR");
        return amounts[0].GetProperty("amount").GetDecimal();
    }

    [Fact]
    public async Task A_shorter_window_names_the_returns_it_would_have_refused_with_the_reason_the_customer_would_have_read()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 20), ("CAP", 20));
        var history = await HistoryAsync(scenario);

        var simulation = await SimulateAsync(scenario.Staff, new JsonObject { ["windowDays"] = 5 });

        simulation.GetProperty("days").GetInt32().ShouldBe(90);
        simulation.GetProperty("returnsConsidered").GetInt32().ShouldBe(2);
        simulation.GetProperty("returnsThatWouldBeRefused").GetInt32().ShouldBe(1);
        var refused = simulation.GetProperty("refusedReturns").EnumerateArray().Single();
        refused.GetProperty("rmaNumber").GetString().ShouldBe(history.Defective);
        refused.GetProperty("orderNumber").GetString().ShouldBe(history.DefectiveOrderNumber);
        refused.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(
            [$"The 5-day return window for this item closed on {history.FiveDayWindowCloses:yyyy-MM-dd}."]);
        simulation.GetProperty("actuallyAutoApproved").GetInt32().ShouldBe(1);
        simulation.GetProperty("wouldBeAutoApproved").GetInt32().ShouldBe(1);
        simulation.GetProperty("autoApprovedDelta").GetInt32().ShouldBe(0);
        Only(simulation, "refundDelta").ShouldBe(-60.00m);
        Only(simulation, "feeDelta").ShouldBe(0.00m);
        var totals = simulation.GetProperty("totals").EnumerateArray().Single();
        totals.GetProperty("actualRefund").GetDecimal().ShouldBe(136.00m);
        totals.GetProperty("candidateRefund").GetDecimal().ShouldBe(76.00m);
        totals.GetProperty("actualFees").GetDecimal().ShouldBe(14.00m);
        totals.GetProperty("candidateFees").GetDecimal().ShouldBe(14.00m);
        simulation.GetProperty("bySku").EnumerateArray().Select(s => s.GetProperty("sku").GetString()).ShouldBe(["TEE", "CAP"]);
        var tee = Sku(simulation, "TEE");
        tee.GetProperty("returns").GetInt32().ShouldBe(2);
        tee.GetProperty("wouldBeRefused").GetInt32().ShouldBe(1);
        tee.GetProperty("refundDelta").GetDecimal().ShouldBe(-60.00m);
        tee.GetProperty("feeDelta").GetDecimal().ShouldBe(0.00m);
        Sku(simulation, "CAP").GetProperty("wouldBeRefused").GetInt32().ShouldBe(0);

        var lastFiveDays = await SimulateAsync(scenario.Staff, new JsonObject { ["windowDays"] = 5, ["days"] = 5 });
        lastFiveDays.GetProperty("returnsConsidered").GetInt32().ShouldBe(1);
        lastFiveDays.GetProperty("refusedReturns")[0].GetProperty("rmaNumber").GetString().ShouldBe(history.Defective);
    }

    [Fact]
    public async Task A_higher_restocking_fee_moves_money_from_refunds_to_fees_for_the_lines_not_at_the_sellers_fault_per_sku()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 20), ("CAP", 20));
        await HistoryAsync(scenario);

        var simulation = await SimulateAsync(scenario.Staff, new JsonObject { ["restockingFeePercent"] = 25m });

        // Order A's return: fees 15.00 + 7.50 + 5.00 instead of 6.00 + 3.00 + 5.00; the defective TEEs pay none either way.
        simulation.GetProperty("returnsThatWouldBeRefused").GetInt32().ShouldBe(0);
        Only(simulation, "refundDelta").ShouldBe(-13.50m);
        Only(simulation, "feeDelta").ShouldBe(13.50m);
        var totals = simulation.GetProperty("totals").EnumerateArray().Single();
        totals.GetProperty("actualRefund").GetDecimal().ShouldBe(136.00m);
        totals.GetProperty("candidateRefund").GetDecimal().ShouldBe(122.50m);
        totals.GetProperty("actualFees").GetDecimal().ShouldBe(14.00m);
        totals.GetProperty("candidateFees").GetDecimal().ShouldBe(27.50m);
        simulation.GetProperty("bySku").EnumerateArray().Select(s => s.GetProperty("sku").GetString()).ShouldBe(["TEE", "CAP"]);
        var tee = Sku(simulation, "TEE");
        tee.GetProperty("returns").GetInt32().ShouldBe(2);
        tee.GetProperty("refundDelta").GetDecimal().ShouldBe(-9.00m);
        tee.GetProperty("feeDelta").GetDecimal().ShouldBe(9.00m);
        var cap = Sku(simulation, "CAP");
        cap.GetProperty("returns").GetInt32().ShouldBe(1);
        cap.GetProperty("refundDelta").GetDecimal().ShouldBe(-4.50m);
        cap.GetProperty("feeDelta").GetDecimal().ShouldBe(4.50m);
    }

    [Fact]
    public async Task Moving_the_auto_approval_limit_counts_the_returns_that_would_have_been_approved_at_once()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 20), ("CAP", 20));
        await HistoryAsync(scenario);

        (await SimulateAsync(scenario.Staff, new JsonObject { ["autoApproveMaxOrderValue"] = 150.00m })).GetProperty("autoApprovedDelta").GetInt32().ShouldBe(1);
        (await SimulateAsync(scenario.Staff, new JsonObject { ["autoApproveMaxOrderValue"] = 90.00m })).GetProperty("autoApprovedDelta").GetInt32().ShouldBe(-1);
        var never = await SimulateAsync(scenario.Staff, new JsonObject { ["autoApproveMaxOrderValue"] = null });
        never.GetProperty("actuallyAutoApproved").GetInt32().ShouldBe(1);
        never.GetProperty("wouldBeAutoApproved").GetInt32().ShouldBe(0);
        never.GetProperty("autoApprovedDelta").GetInt32().ShouldBe(-1);
        Only(never, "refundDelta").ShouldBe(0.00m);
        (await SimulateAsync(scenario.Staff, [])).GetProperty("autoApprovedDelta").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task With_no_returns_in_the_period_every_figure_is_zero()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 20));
        await scenario.DeliveredOrderAsync("a@example.com", null, [("TEE", 1)]);

        var simulation = await SimulateAsync(scenario.Staff, new JsonObject { ["windowDays"] = 0, ["days"] = 730 });

        simulation.GetProperty("returnsConsidered").GetInt32().ShouldBe(0);
        simulation.GetProperty("returnsThatWouldBeRefused").GetInt32().ShouldBe(0);
        simulation.GetProperty("refusedReturns").GetArrayLength().ShouldBe(0);
        simulation.GetProperty("autoApprovedDelta").GetInt32().ShouldBe(0);
        simulation.GetProperty("refundDelta").GetArrayLength().ShouldBe(0);
        simulation.GetProperty("feeDelta").GetArrayLength().ShouldBe(0);
        simulation.GetProperty("totals").GetArrayLength().ShouldBe(0);
        simulation.GetProperty("bySku").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_simulation_stores_no_policy_version_no_event_and_no_row()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 20), ("CAP", 20));
        await HistoryAsync(scenario);
        var policyBefore = await (await scenario.Staff.GetAsync("/api/v1/return-policy")).ShouldBeAsync(HttpStatusCode.OK);
        var versionsBefore = await (await scenario.Staff.GetAsync("/api/v1/return-policy/versions")).ShouldBeAsync(HttpStatusCode.OK);
        var rowsBefore = await ReturnsRowCountsAsync();
        rowsBefore.Values.Sum().ShouldBeGreaterThan(0);

        await SimulateAsync(scenario.Staff, new JsonObject { ["windowDays"] = 5, ["restockingFeePercent"] = 50m, ["autoApproveMaxOrderValue"] = null });

        (await ReturnsRowCountsAsync()).ShouldBe(rowsBefore);
        JsonElement.DeepEquals(await (await scenario.Staff.GetAsync("/api/v1/return-policy")).ShouldBeAsync(HttpStatusCode.OK), policyBefore).ShouldBeTrue();
        JsonElement.DeepEquals(await (await scenario.Staff.GetAsync("/api/v1/return-policy/versions")).ShouldBeAsync(HttpStatusCode.OK), versionsBefore).ShouldBeTrue();
    }

    [Fact]
    public async Task A_candidate_is_checked_like_a_put_days_run_from_1_to_730_and_only_staff_may_simulate()
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        var staff = scenario.Staff;

        foreach (var days in new[] { 0, 731 })
        {
            var problem = await (await staff.PostAsJsonAsync(Simulations, new JsonObject { ["days"] = days })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["days"]);
        }

        var invalid = await (await staff.PostAsJsonAsync(Simulations, new JsonObject { ["windowDays"] = -1, ["restockingFeePercent"] = null }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["windowDays", "restockingFeePercent"], ignoreOrder: true);
        var unknown = await (await staff.PostAsJsonAsync(Simulations, new JsonObject { ["returnWarehouseCode"] = "NOWHERE" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        unknown.GetProperty("field").GetString().ShouldBe("returnWarehouseCode");

        using var storefront = await App.ClientForRoleAsync("storefront", "shop-1");
        (await storefront.PostAsJsonAsync(Simulations, new JsonObject())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var partner = await App.ClientForRoleAsync("partner");
        (await partner.PostAsJsonAsync(Simulations, new JsonObject())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var staffKey = await App.ClientForRoleAsync("staff");
        (await staffKey.PostAsJsonAsync(Simulations, new JsonObject())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Rows in every table of the Returns module, outbox included.</summary>
    private async Task<Dictionary<string, long>> ReturnsRowCountsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var module = scope.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules.Single(m => m.Schema == ReturnsContracts.Schema);
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        var counts = new Dictionary<string, long>();
        foreach (var table in context.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
                     .Select(e => e.GetSchema() is { } schema ? $"\"{schema}\".\"{e.GetTableName()}\"" : $"\"{e.GetTableName()}\"").Distinct())
        {
            var sql = "SELECT COUNT(*) AS \"Value\" FROM " + table;
            counts[table] = await context.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }

        return counts;
    }

    private sealed record History(string ChangedMind, string Defective, string DefectiveOrderNumber, DateTime FiveDayWindowCloses);
}
