using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Platform;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Analytics;

/// <summary>
/// The read model's consumers are run consumers (ADR 0034): a batch of order and return events is handled before one
/// save, a later stage of a return finding the fact an earlier event of the run added, unsaved. Built that way, the
/// read model gives the answers it gave when every event was delivered and saved on its own.
/// </summary>
public sealed class AnalyticsRunTests(QuietOutboxApp app) : IntegrationTest<QuietOutboxApp>(app)
{
    private const string Analytics = "/api/v1/analytics/returns";

    private static readonly string[] ReadModelEvents =
        ["OrderDelivered", "ReturnRequested", "ReturnApproved", "ReturnReceived", "ReturnCompleted", "ReturnRejected", "ReturnCancelled", "ReturnExpired"];

    [Fact]
    public async Task A_read_model_built_from_runs_of_events_answers_as_one_built_event_by_event()
    {
        var history = await BuildHistoryAsync("runs-a");
        var incremental = await AnswersAsync(history);

        await ForgetReadModelAsync();
        await RedeliverAsync(history);

        (await AnswersAsync(history)).ShouldBe(incremental);
        (await App.WithDbAsync<AnalyticsDbContext, int>(db => db.ReturnFacts.CountAsync())).ShouldBe(3);
        (await App.WithDbAsync<AnalyticsDbContext, int>(db => db.InboxMessages.CountAsync()))
            .ShouldBe(history.OrderEvents.Concat(history.ReturnEvents).Count(e => ReadModelEvents.Any(t => e.Type.EndsWith(t, StringComparison.Ordinal))),
                "one inbox row per event the read model follows");
    }

    /// <summary>
    /// What shows that the return events were one run: the three returns' facts go out in one multi-row INSERT, and the
    /// later stages changed them before they were written, so there is no UPDATE. Saved after every message, or
    /// delivered again one savepoint at a time because a stage did not find its unsaved fact, they take three INSERTs
    /// and several UPDATEs. A statement-level trigger counts them, which SQLite does not have.
    /// </summary>
    [PostgresFact]
    public async Task A_run_of_return_events_writes_its_facts_with_one_statement()
    {
        var history = await BuildHistoryAsync("runs-b");
        await ForgetReadModelAsync();
        await ExecuteAsync("""
            CREATE TABLE public.fact_statements (op text NOT NULL);
            CREATE FUNCTION public.log_fact_statement() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO public.fact_statements VALUES (TG_OP); RETURN NULL; END $$;
            CREATE TRIGGER fact_statements AFTER INSERT OR UPDATE ON analytics.return_facts FOR EACH STATEMENT EXECUTE FUNCTION public.log_fact_statement();
            """);
        try
        {
            await RedeliverAsync(history);

            (await FactStatementsAsync()).ShouldBe(["INSERT"]);
            (await App.WithDbAsync<AnalyticsDbContext, int>(db => db.ReturnFacts.CountAsync())).ShouldBe(3);
        }
        finally
        {
            await ExecuteAsync("""
                DROP TRIGGER fact_statements ON analytics.return_facts;
                DROP FUNCTION public.log_fact_statement();
                DROP TABLE public.fact_statements;
                """);
        }
    }

    private sealed record History(string Storefront, string Window, List<OutboxMessage> OrderEvents, List<OutboxMessage> ReturnEvents);

    /// <summary>
    /// Two delivered orders of one storefront and three returns of them: one restocked and refunded, one disposed of
    /// for store credit, one cancelled. Every event is delivered at once, event by event, as it commits.
    /// </summary>
    private async Task<History> BuildHistoryAsync(string storefront)
    {
        using var scenario = await ReturnScenario.StartAsync(App);
        var tee = $"{storefront}-TEE".ToUpperInvariant();
        var mug = $"{storefront}-MUG".ToUpperInvariant();
        await scenario.SkuAsync(tee, 50, "apparel");
        await scenario.SkuAsync(mug, 20, "kitchen");
        var a = await scenario.DeliveredOrderAsync($"a@{storefront}.example.com", "loyal", [(tee, 3), (mug, 1)], storefront: storefront);
        var b = await scenario.DeliveredOrderAsync($"b@{storefront}.example.com", "standard", [(tee, 2)], storefront: storefront);

        var r1 = await scenario.ReturnAsync(a, "Refund", [(tee, 2, "TooSmall"), (mug, 1, "Damaged")]);
        var r2 = await scenario.ReturnAsync(b, "StoreCredit", [(tee, 1, "TooLarge")]);
        var r3 = await scenario.ReturnAsync(b, "Refund", [(tee, 1, "ChangedMind")]);
        await scenario.CancelAsync(r3);
        await scenario.ApproveAsync(r1);
        await scenario.ApproveAsync(r2);
        await scenario.ReceiveAsync(r1);
        await scenario.ReceiveAsync(r2);
        await scenario.InspectAsync(r2, "Damaged", "Dispose");
        await scenario.InspectAsync(r1, "New", "Restock");

        var orderIds = new[] { a.Id, b.Id }.Select(id => id.ToString()).ToList();
        var returnIds = new[] { r1, r2, r3 }.Select(r => r.GetProperty("id").GetGuid().ToString()).ToList();
        List<OutboxMessage> Of(List<OutboxMessage> rows, List<string> ids) =>
            rows.Where(m => ids.Any(id => m.Payload.Contains(id, StringComparison.OrdinalIgnoreCase))).ToList();
        await Eventually.HoldsAsync(async () =>
            Of(await App.OutboxAsync("orders"), orderIds).Concat(Of(await App.OutboxAsync("returns"), returnIds)).All(m => m.Status == OutboxMessageStatus.Processed),
            "every event was delivered as it committed");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new History(
            storefront,
            $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}&storefront={storefront}",
            Of(await App.OutboxAsync("orders"), orderIds),
            Of(await App.OutboxAsync("returns"), returnIds));
    }

    private async Task<List<string>> AnswersAsync(History history)
    {
        using var staff = App.Admin();
        var answers = new List<string>();
        foreach (var route in new[] { "summary?", "by?dimension=sku&", "by?dimension=category&", "by?dimension=reason&", "by?dimension=segment&", "processing-times?", "customers?" })
        {
            var answer = await (await staff.GetAsync($"{Analytics}/{route}{history.Window}")).ShouldBeAsync(HttpStatusCode.OK);
            answers.Add($"{route} {JsonSerializer.Serialize(answer)}");
        }

        answers[0].ShouldContain("\"unitsReturned\":4", customMessage: "the history's returns are counted (the cancelled one's unit taken back)");
        return answers;
    }

    /// <summary>The read model as if it had never seen an event: every fact, counter and inbox row of Analytics gone.</summary>
    private Task ForgetReadModelAsync() =>
        App.WithDbAsync<AnalyticsDbContext, int>(async db =>
        {
            var rows = await db.InboxMessages.ExecuteDeleteAsync();
            rows += await db.OrderFacts.ExecuteDeleteAsync();
            rows += await db.ReturnFacts.ExecuteDeleteAsync();
            rows += await db.DailyTotals.ExecuteDeleteAsync();
            rows += await db.DimensionCounters.ExecuteDeleteAsync();
            rows += await db.ReasonCounters.ExecuteDeleteAsync();
            rows += await db.CustomerCounters.ExecuteDeleteAsync();
            rows += await db.DimensionMonthCounters.ExecuteDeleteAsync();
            rows += await db.ReasonMonthCounters.ExecuteDeleteAsync();
            rows += await db.CustomerMonthCounters.ExecuteDeleteAsync();
            rows += await db.StageHourMonthCounters.ExecuteDeleteAsync();
            return rows + await db.StageDurationMonthCounters.ExecuteDeleteAsync();
        });

    /// <summary>
    /// The history's events due again and delivered in one batch per module, in commit order: the order events first,
    /// then the return events. Returns and Notifications find them in their inboxes; Analytics handles them afresh.
    /// </summary>
    private async Task RedeliverAsync(History history)
    {
        foreach (var (schema, events) in new[] { ("orders", history.OrderEvents), ("returns", history.ReturnEvents) })
        {
            var ids = events.Select(m => m.Id).ToList();
            await using (var scope = App.Services.CreateAsyncScope())
            {
                var module = scope.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules.Single(m => m.Schema == schema);
                var outbox = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
                await outbox.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxMessageStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
            }

            await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync(schema, ids, CancellationToken.None);
            (await App.OutboxAsync(schema)).Where(m => ids.Contains(m.Id))
                .ShouldAllBe(m => m.Status == OutboxMessageStatus.Processed && m.LastError == null);
        }
    }

    private Task<List<string>> FactStatementsAsync() => App.Database.TextsAsync("SELECT op FROM public.fact_statements ORDER BY 1");

    private Task ExecuteAsync(string sql) => App.Database.ExecuteSqlAsync(sql);
}
