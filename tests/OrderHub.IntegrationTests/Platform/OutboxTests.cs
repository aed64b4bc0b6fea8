using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Probe;

namespace OrderHub.IntegrationTests.Platform;

public sealed class OutboxTests(OrderHubApp app) : IntegrationTest(app)
{
    private Task<Guid> CreateProbeAsync(string name) => App.CreateProbeAsync(name);

    private Task<OutboxMessage> OutboxRowAsync(Guid probeId) => App.ProbeOutboxRowAsync(probeId);

    private Task<int> ReceiptsAsync(Guid probeId) =>
        App.WithDbAsync<ProbeDbContext, int>(db => db.Receipts.CountAsync(r => r.ProbeId == probeId));

    [Fact]
    public async Task An_event_written_with_the_state_change_is_delivered_once_after_commit()
    {
        var probeId = await CreateProbeAsync("delivered");
        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(probeId)).Status == OutboxMessageStatus.Processed, "the outbox row is processed");

        (await ReceiptsAsync(probeId)).ShouldBe(1);
        var row = await OutboxRowAsync(probeId);
        row.Attempts.ShouldBe(1);
        row.ProcessedAt.ShouldNotBeNull();
        (await InboxConsumersAsync(row.Id)).ShouldBe([typeof(ProbeCreatedConsumer).FullName!], "only the consumer that wrote something keeps an inbox row");
        App.Services.GetRequiredService<ProbeObservations>().TimesSeen(probeId).ShouldBe(1, "the consumer that writes nothing ran too");
    }

    [Fact]
    public async Task A_failing_consumer_is_retried_with_backoff_until_it_succeeds()
    {
        var probeId = await CreateProbeAsync("fail-3-then-ok");
        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(probeId)).Status == OutboxMessageStatus.Processed, "the retry job eventually delivers it");

        var row = await OutboxRowAsync(probeId);
        row.Attempts.ShouldBe(4);
        (await ReceiptsAsync(probeId)).ShouldBe(1);
        App.Services.GetRequiredService<ProbeConsumerFaults>().AttemptsFor(probeId).ShouldBe(4);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_dead_lettered_after_the_maximum_attempts()
    {
        var probeId = await CreateProbeAsync("fail-99-forever");
        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(probeId)).Status == OutboxMessageStatus.DeadLettered, "the message is dead-lettered");

        var row = await OutboxRowAsync(probeId);
        row.Attempts.ShouldBe(5);
        row.LastError!.ShouldContain("Probe consumer failure 5");
        (await ReceiptsAsync(probeId)).ShouldBe(0);
    }

    [Fact]
    public async Task Delivering_the_same_message_again_does_not_run_the_consumer_twice()
    {
        var probeId = await CreateProbeAsync("redelivered");
        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(probeId)).Status == OutboxMessageStatus.Processed, "first delivery");
        var row = await OutboxRowAsync(probeId);

        // Simulate a crash after the consumer committed but before the outbox row was marked processed.
        await App.WithDbAsync<ProbeDbContext, int>(db => db.OutboxMessages.Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxMessageStatus.Pending).SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));
        await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync(ProbeModule.Schema, row.Id, CancellationToken.None);

        // The retry job may claim the due row first; this call then skips it (SKIP LOCKED on PostgreSQL) and returns
        // before that delivery commits. Either way exactly one redelivery runs: wait for it, then count.
        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(probeId)).Status == OutboxMessageStatus.Processed, "the redelivery");
        (await ReceiptsAsync(probeId)).ShouldBe(1);
        App.Services.GetRequiredService<ProbeConsumerFaults>().AttemptsFor(probeId).ShouldBe(1);

        // The consumer that changes nothing keeps no inbox row, so it sees the redelivery: harmless by definition.
        App.Services.GetRequiredService<ProbeObservations>().TimesSeen(probeId).ShouldBe(2);
        (await InboxConsumersAsync(row.Id)).ShouldBe([typeof(ProbeCreatedConsumer).FullName!]);
    }

    private Task<List<string>> InboxConsumersAsync(Guid messageId) =>
        App.WithDbAsync<ProbeDbContext, List<string>>(db => db.InboxMessages.Where(m => m.MessageId == messageId).Select(m => m.Consumer).ToListAsync());

    [Fact]
    public async Task A_consumer_that_only_changes_a_row_it_loaded_keeps_its_inbox_row_and_a_redelivery_does_not_apply_it_twice()
    {
        var probeId = await CreateProbeAsync("touch-once");
        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(probeId)).Status == OutboxMessageStatus.Processed, "first delivery");
        var row = await OutboxRowAsync(probeId);
        (await InboxConsumersAsync(row.Id)).Order().ShouldBe(new[] { typeof(ProbeCreatedConsumer).FullName!, typeof(ProbeToucher).FullName! }.Order());

        await App.WithDbAsync<ProbeDbContext, int>(db => db.OutboxMessages.Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxMessageStatus.Pending).SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));
        await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync(ProbeModule.Schema, row.Id, CancellationToken.None);
        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(probeId)).Status == OutboxMessageStatus.Processed, "the redelivery");

        var item = await App.WithDbAsync<ProbeDbContext, ProbeItem>(db => db.Items.AsNoTracking().SingleAsync(x => x.Id == probeId));
        (item.Name, item.Version).ShouldBe(("touch-once (seen)", 1), "the change was applied once");
    }

    [PostgresFact("Runs on the PostgreSQL run only: SQLite writes one transaction at a time, so no message can commit while a delivery is held open.")]
    public async Task A_retry_round_never_takes_a_message_the_immediate_delivery_holds_so_none_overtakes_an_earlier_one()
    {
        var slowName = $"slow-delivery-{Guid.NewGuid():N}";
        var gate = App.Services.GetRequiredService<ProbeGate>();
        var slow = await CreateProbeAsync(slowName);
        await gate.EnteredAsync(slowName); // its delivery has claimed it and waits inside a consumer
        var next = await CreateProbeAsync("queued-behind");

        // A retry round now (the job runs one every 200 ms here too), with no grace left to either message: the next
        // one is due, committed and not claimed, but it is queued behind the held one on this node.
        var options = App.Services.GetRequiredService<OutboxOptions>();
        var grace = options.ImmediateDeliveryGrace;
        options.ImmediateDeliveryGrace = TimeSpan.Zero;
        try
        {
            await App.Services.GetRequiredService<OutboxDispatcher>().ProcessDueAsync(CancellationToken.None);
            (await OutboxRowAsync(next)).Status.ShouldBe(OutboxMessageStatus.Pending, "nothing delivered the later message beside the held one");
        }
        finally
        {
            options.ImmediateDeliveryGrace = grace;
            gate.Release(slowName);
        }

        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(next)).Status == OutboxMessageStatus.Processed, "both are delivered");
        var order = App.Services.GetRequiredService<ProbeObservations>().Order();
        order.IndexOf(slow).ShouldBeLessThan(order.IndexOf(next), "delivered in commit order");
        (await OutboxRowAsync(slow)).Attempts.ShouldBe(1);
        (await OutboxRowAsync(next)).Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_message_no_node_is_delivering_is_left_for_the_grace_then_delivered_by_the_retry_job()
    {
        var options = App.Services.GetRequiredService<OutboxOptions>();
        var probeId = Guid.NewGuid();
        var now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Committed by a node that died before its immediate delivery ran: in the outbox, and in no node's hand.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(_ =>
            {
                db.Publish(new ProbeCreated(Guid.NewGuid(), now, probeId, "orphan"));
                db.ClearPendingOutbox(); // the commit signals nothing for delivery
                return Task.CompletedTask;
            }, CancellationToken.None);
        }

        await App.Services.GetRequiredService<OutboxDispatcher>().ProcessDueAsync(CancellationToken.None);
        (await OutboxRowAsync(probeId)).Status.ShouldBe(OutboxMessageStatus.Pending, $"left to the node that committed it for {options.ImmediateDeliveryGrace}");

        await Eventually.HoldsAsync(async () => (await OutboxRowAsync(probeId)).Status == OutboxMessageStatus.Processed, "the retry job delivers it after the grace");
        (await OutboxRowAsync(probeId)).ProcessedAt!.Value.ShouldBeGreaterThanOrEqualTo(now + options.ImmediateDeliveryGrace);
        (await ReceiptsAsync(probeId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_command_that_fails_after_saving_leaves_neither_state_nor_outbox_rows()
    {
        using var client = App.Admin();
        var response = await client.PostAsJsonAsync("/api/test/probes", new { name = "explode-now" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await App.WithDbAsync<ProbeDbContext, int>(db => db.Items.CountAsync())).ShouldBe(0);
        (await App.WithDbAsync<ProbeDbContext, int>(db => db.OutboxMessages.CountAsync())).ShouldBe(0);
    }
}
