using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Probe;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>An app whose retry job stays out of the way and whose retries wait an hour, so a test decides when messages are delivered.</summary>
public sealed class QuietOutboxApp : OrderHubApp
{
    public QuietOutboxApp()
    {
        Set("OrderHub:Outbox:PollInterval", "01:00:00");
        Set("OrderHub:Outbox:FirstRetryDelay", "01:00:00");
        Set("OrderHub:Outbox:MaxRetryDelay", "01:00:00");
    }
}

public sealed class OutboxBatchTests(QuietOutboxApp app) : IntegrationTest<QuietOutboxApp>(app)
{
    [Fact]
    public async Task In_a_batch_a_failing_message_rolls_back_alone_and_the_others_are_delivered_in_the_same_transaction()
    {
        var first = await CreateProbeAsync("batch-first");
        var failing = await CreateProbeAsync("fail-99-in-batch");
        var last = await CreateProbeAsync("batch-last");
        await Eventually.HoldsAsync(async () => (await RowAsync(first)).Status == OutboxMessageStatus.Processed
            && (await RowAsync(last)).Status == OutboxMessageStatus.Processed
            && (await RowAsync(failing)).Attempts == 1, "the immediate deliveries ran");
        var rows = new[] { await RowAsync(first), await RowAsync(failing), await RowAsync(last) };

        var ids = rows.Select(r => r.Id).ToList();
        await AsIfNeverDeliveredAsync(ids);

        await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync(ProbeModule.Schema, ids, CancellationToken.None);

        foreach (var probe in new[] { first, last })
        {
            var row = await RowAsync(probe);
            (row.Status, row.Attempts).ShouldBe((OutboxMessageStatus.Processed, 2));
            (await App.WithDbAsync<ProbeDbContext, int>(db => db.Receipts.CountAsync(r => r.ProbeId == probe))).ShouldBe(1);
        }

        var failed = await RowAsync(failing);
        (failed.Status, failed.Attempts, failed.ProcessedAt).ShouldBe((OutboxMessageStatus.Pending, 2, (DateTime?)null));
        failed.LastError!.ShouldContain("ProbeCreatedConsumer: InvalidOperationException: Probe consumer failure");
        (await App.WithDbAsync<ProbeDbContext, int>(db => db.InboxMessages.CountAsync(m => m.MessageId == failed.Id))).ShouldBe(0, "its inbox row rolled back with it");

        // Delivered again, the batch skips what is done and what is not yet due.
        await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync(ProbeModule.Schema, ids, CancellationToken.None);
        (await RowAsync(first)).Attempts.ShouldBe(2);
        (await RowAsync(failing)).Attempts.ShouldBe(2);
        (await App.WithDbAsync<ProbeDbContext, int>(db => db.Receipts.CountAsync())).ShouldBe(2, "each delivered message took effect once");
    }

    [Fact]
    public async Task A_batch_whose_consumers_all_succeed_is_delivered_in_one_transaction_with_each_effect_once()
    {
        var probes = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            probes.Add(await CreateProbeAsync($"batch-{i}"));
        }

        await Eventually.HoldsAsync(async () => (await Task.WhenAll(probes.Select(RowAsync))).All(r => r.Status == OutboxMessageStatus.Processed), "the immediate deliveries ran");
        var ids = (await Task.WhenAll(probes.Select(RowAsync))).Select(r => r.Id).ToList();
        await AsIfNeverDeliveredAsync(ids);

        await App.Services.GetRequiredService<OutboxDispatcher>().DeliverAsync(ProbeModule.Schema, ids, CancellationToken.None);

        foreach (var probe in probes)
        {
            (await RowAsync(probe)).Attempts.ShouldBe(2);
            (await App.WithDbAsync<ProbeDbContext, int>(db => db.Receipts.CountAsync(r => r.ProbeId == probe))).ShouldBe(1);
            App.Services.GetRequiredService<ProbeConsumerFaults>().AttemptsFor(probe).ShouldBe(2, "no consumer ran twice");
        }

        (await App.WithDbAsync<ProbeDbContext, int>(db => db.InboxMessages.CountAsync(m => ids.Contains(m.MessageId)))).ShouldBe(5);
    }

    /// <summary>
    /// Two deliveries of events about one aggregate may insert the same copy row; the loser's transaction fails with
    /// a unique violation although the row it wanted is there. Retries here wait an hour and nothing polls, so only
    /// the immediate retry of a lost race delivers it again. PostgreSQL only: on SQLite the other writer would wait
    /// for the delivery's own write lock, so the race cannot happen there.
    /// </summary>
    [PostgresFact]
    public async Task A_consumer_that_lost_a_race_to_another_transaction_is_delivered_again_at_once_not_after_the_backoff()
    {
        var probe = await CreateProbeAsync("race-1-copy");

        await Eventually.HoldsAsync(async () => (await RowAsync(probe)).Status == OutboxMessageStatus.Processed, "the message was delivered again after the lost race");

        var row = await RowAsync(probe);
        (row.Attempts, row.LastError).ShouldBe((2, (string?)null));
        App.Services.GetRequiredService<ProbeConsumerFaults>().AttemptsFor(probe).ShouldBe(2);
        (await App.WithDbAsync<ProbeDbContext, int>(db => db.Receipts.CountAsync(r => r.ProbeId == probe))).ShouldBe(1, "the row the other transaction wrote, once");
    }

    private Task<Guid> CreateProbeAsync(string name) => App.CreateProbeAsync(name);

    private Task<OutboxMessage> RowAsync(Guid probeId) => App.ProbeOutboxRowAsync(probeId);

    /// <summary>As if the process had died before the messages were delivered: pending, due, and no consumer ran.</summary>
    private Task<int> AsIfNeverDeliveredAsync(List<Guid> ids) =>
        App.WithDbAsync<ProbeDbContext, int>(async db =>
        {
            await db.Receipts.ExecuteDeleteAsync();
            await db.InboxMessages.Where(m => ids.Contains(m.MessageId)).ExecuteDeleteAsync();
            return await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxMessageStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1)));
        });
}
