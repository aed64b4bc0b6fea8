using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Notifications.Persistence;
using OrderHub.Returns.OrderCopies;
using OrderHub.Returns.Persistence;
using static OrderHub.IntegrationTests.Orders.OrderRequests;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>
/// A batch of order events whose consumers all see unsaved changes is handled as one run and saved once (ADR 0034):
/// an event for an order whose copy an earlier event of the run added, unsaved, finds that copy.
/// </summary>
public sealed class OutboxRunTests(QuietOutboxApp app) : IntegrationTest<QuietOutboxApp>(app)
{
    [Fact]
    public async Task A_run_of_order_events_is_handled_before_one_save_and_a_later_event_finds_the_copy_an_earlier_one_added()
    {
        var (first, second, batch) = await RedeliverableBatchAsync();

        await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync("orders", batch, CancellationToken.None);

        await ShouldBeDeliveredOnceAsync(first, second, batch);
    }

    [Fact]
    public async Task A_run_of_events_for_orders_whose_copies_exist_loads_each_copy_with_its_lines_and_updates_it()
    {
        var (first, second, batch) = await RedeliverableBatchAsync();
        await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync("orders", batch, CancellationToken.None);
        using var staff = App.Admin();
        await ShipEverythingAsync(staff, await (await staff.GetAsync($"/api/v1/orders/{second}")).ShouldBeAsync(HttpStatusCode.OK));

        // Both shipments again, as if never delivered, onto copies that exist: the run loads both, lines included.
        var rows = await App.OutboxAsync("orders");
        var shipments = rows.Where(m => m.Type.EndsWith("OrderShipped", StringComparison.Ordinal)).Select(m => m.Id).ToList();
        shipments.Count.ShouldBe(2);
        await App.WithDbAsync<ReturnsDbContext, int>(db => db.Set<OrderCopyLine>().ExecuteUpdateAsync(s => s.SetProperty(l => l.ShippedQuantity, 0)));
        await AsIfNeverDeliveredAsync(shipments);

        await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync("orders", shipments, CancellationToken.None);

        (await App.OutboxAsync("orders")).Where(m => shipments.Contains(m.Id))
            .ShouldAllBe(m => m.Status == OutboxMessageStatus.Processed && m.LastError == null);
        var copies = await CopiesAsync();
        copies.Single(c => c.Id == first).ShouldBe((first, 2, 3, 3), "the existing lines were updated, none added");
        copies.Single(c => c.Id == second).ShouldBe((second, 1, 3, 3));
    }

    /// <summary>
    /// What shows that the run was saved once: the two order copies go out in one multi-row INSERT, and the shipment
    /// that followed the first order's confirmation in the run changed the copy before it was written, so there is no
    /// UPDATE of it. Saved after every message, or delivered again one savepoint at a time because a consumer failed
    /// to see the unsaved copy, the copies take two INSERTs and an UPDATE. A statement-level trigger counts them, which
    /// SQLite does not have.
    /// </summary>
    [PostgresFact]
    public async Task A_run_writes_its_order_copies_with_one_statement()
    {
        var (first, second, batch) = await RedeliverableBatchAsync();
        await ExecuteAsync("""
            CREATE TABLE public.run_statements (tbl text NOT NULL, op text NOT NULL);
            CREATE FUNCTION public.log_run_statement() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO public.run_statements VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;
            CREATE TRIGGER run_orders AFTER INSERT OR UPDATE ON returns.orders FOR EACH STATEMENT EXECUTE FUNCTION public.log_run_statement();
            CREATE TRIGGER run_order_lines AFTER INSERT OR UPDATE ON returns.order_lines FOR EACH STATEMENT EXECUTE FUNCTION public.log_run_statement();
            CREATE TRIGGER run_notifications AFTER INSERT ON notifications.notifications FOR EACH STATEMENT EXECUTE FUNCTION public.log_run_statement();
            """);
        try
        {
            await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync("orders", batch, CancellationToken.None);

            await ShouldBeDeliveredOnceAsync(first, second, batch);
            (await StatementsAsync()).ShouldBe(["notifications INSERT", "order_lines INSERT", "orders INSERT"]);
        }
        finally
        {
            await ExecuteAsync("""
                DROP TRIGGER run_orders ON returns.orders;
                DROP TRIGGER run_order_lines ON returns.order_lines;
                DROP TRIGGER run_notifications ON notifications.notifications;
                DROP FUNCTION public.log_run_statement();
                DROP TABLE public.run_statements;
                """);
        }
    }

    /// <summary>
    /// Two orders, the first shipped; once their events were delivered at once, everything they caused is undone and
    /// their outbox rows are due again, as if the node had died before delivering them. The batch: the first order's
    /// confirmation, the second's, then the first one's shipment.
    /// </summary>
    private async Task<(Guid First, Guid Second, List<Guid> Batch)> RedeliverableBatchAsync()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("RUN-A", 10), ("RUN-B", 10));
        var first = await (await staff.PostAsJsonAsync("/api/v1/orders", Order(("RUN-A", 2), ("RUN-B", 1)))).ShouldBeAsync(HttpStatusCode.Created);
        var second = await (await staff.PostAsJsonAsync("/api/v1/orders", Order(("RUN-B", 3)))).ShouldBeAsync(HttpStatusCode.Created);
        var firstId = first.GetProperty("id").GetGuid();
        var secondId = second.GetProperty("id").GetGuid();
        await ShipEverythingAsync(staff, first);

        var rows = await App.OutboxAsync("orders");
        OutboxMessage Row(string type, Guid orderId) => rows.Single(m => m.Type.EndsWith(type, StringComparison.Ordinal) && m.Payload.Contains(orderId.ToString(), StringComparison.OrdinalIgnoreCase));
        var batch = new List<Guid> { Row("OrderConfirmed", firstId).Id, Row("OrderConfirmed", secondId).Id, Row("OrderShipped", firstId).Id };

        await App.WithDbAsync<ReturnsDbContext, int>(async db =>
        {
            await db.Set<OrderCopyLine>().Where(l => l.OrderId == firstId || l.OrderId == secondId).ExecuteDeleteAsync();
            return await db.Orders.Where(o => o.Id == firstId || o.Id == secondId).ExecuteDeleteAsync();
        });
        await AsIfNeverDeliveredAsync(batch);
        return (firstId, secondId, batch);
    }

    /// <summary>Ships every line of the order, and waits until the Orders module's events were delivered.</summary>
    private async Task ShipEverythingAsync(HttpClient staff, JsonElement order)
    {
        var lines = order.GetProperty("lines").EnumerateArray()
            .Select(l => new { orderLineId = l.GetProperty("id").GetGuid(), quantity = l.GetProperty("quantity").GetInt32() })
            .ToArray();
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/shipments", new { lines })).ShouldBeAsync(HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => (await App.OutboxAsync("orders")).All(m => m.Status == OutboxMessageStatus.Processed), "the immediate deliveries ran");
    }

    /// <summary>
    /// As if the delivery of these Orders messages had never committed: their emails and inbox rows gone, the rows pending
    /// and due again (what they changed in an order copy is up to the caller).
    /// </summary>
    private async Task AsIfNeverDeliveredAsync(List<Guid> messageIds)
    {
        await App.WithDbAsync<ReturnsDbContext, int>(db => db.InboxMessages.Where(m => messageIds.Contains(m.MessageId)).ExecuteDeleteAsync());
        await App.WithDbAsync<NotificationsDbContext, int>(async db =>
        {
            await db.Notifications.Where(n => messageIds.Contains(n.SourceEventId)).ExecuteDeleteAsync();
            return await db.InboxMessages.Where(m => messageIds.Contains(m.MessageId)).ExecuteDeleteAsync();
        });
        await using var scope = App.Services.CreateAsyncScope();
        var module = scope.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules.Single(m => m.Schema == "orders");
        var orders = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(module.DbContextType);
        await orders.OutboxMessages.Where(m => messageIds.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxMessageStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
    }

    /// <summary>Every order copy: its lines, units shipped and units ordered.</summary>
    private Task<List<(Guid Id, int Lines, int Shipped, int Ordered)>> CopiesAsync() =>
        App.WithDbAsync<ReturnsDbContext, List<(Guid Id, int Lines, int Shipped, int Ordered)>>(async db =>
            (await db.Orders.AsNoTracking().Include(o => o.Lines).ToListAsync())
                .Select(o => (o.Id, o.Lines.Count, o.Lines.Sum(l => l.ShippedQuantity), o.Lines.Sum(l => l.Quantity)))
                .ToList());

    private async Task ShouldBeDeliveredOnceAsync(Guid first, Guid second, List<Guid> batch)
    {
        var rows = (await App.OutboxAsync("orders")).Where(m => batch.Contains(m.Id)).ToList();
        rows.ShouldAllBe(m => m.Status == OutboxMessageStatus.Processed && m.Attempts == 2 && m.LastError == null);

        var copies = await CopiesAsync();
        copies.Single(c => c.Id == first).ShouldBe((first, 2, 3, 3), "the shipment was applied to the copy the confirmation added");
        copies.Single(c => c.Id == second).ShouldBe((second, 1, 0, 3));
        copies.Count.ShouldBe(2);

        (await App.WithDbAsync<NotificationsDbContext, int>(db => db.Notifications.CountAsync(n => batch.Contains(n.SourceEventId))))
            .ShouldBe(3, "one email per event");
        (await App.WithDbAsync<ReturnsDbContext, int>(db => db.InboxMessages.CountAsync(m => batch.Contains(m.MessageId)))).ShouldBe(3);
        (await App.WithDbAsync<NotificationsDbContext, int>(db => db.InboxMessages.CountAsync(m => batch.Contains(m.MessageId)))).ShouldBe(3);
    }

    private Task<List<string>> StatementsAsync() => App.Database.TextsAsync("SELECT tbl || ' ' || op FROM public.run_statements ORDER BY 1");

    private Task ExecuteAsync(string sql) => App.Database.ExecuteSqlAsync(sql);
}
