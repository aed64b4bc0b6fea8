using OrderHub.Analytics.Persistence;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Returns.Contracts;

namespace OrderHub.Analytics.ReadModelFeed;

/// <summary>
/// Follows each return through its stages. Every stage changes the read model once: the inbox skips a
/// redelivered event, and the return's fact row knows which stages it already applied (also those a rebuild
/// read while this event waited). A return first seen at a later stage is recorded as requested first. The fact is
/// looked up in the change tracker first, so a run of events (ADR 0034) finds the fact an earlier event of the run
/// added or changed, unsaved; counters are only staged for the commit (ADR 0033).
/// </summary>
internal sealed class ReturnEventsConsumer(AnalyticsDbContext db, ReadModelWriter writer, CommitCounters counters) :
    IRunConsumer<ReturnRequested>,
    IRunConsumer<ReturnApproved>,
    IRunConsumer<ReturnReceived>,
    IRunConsumer<ReturnCompleted>,
    IRunConsumer<ReturnRejected>,
    IRunConsumer<ReturnCancelled>,
    IRunConsumer<ReturnExpired>
{
    public Task HandleAsync(ReturnRequested integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.Return, integrationEvent.OccurredAt, (_, _) => { }, cancellationToken);

    public Task HandleAsync(ReturnApproved integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.Return, integrationEvent.OccurredAt, (fact, _) => fact.Approve(integrationEvent.OccurredAt), cancellationToken);

    public Task HandleAsync(ReturnReceived integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.Return, integrationEvent.OccurredAt, (fact, _) => fact.Receive(integrationEvent.OccurredAt), cancellationToken);

    public Task HandleAsync(ReturnCompleted integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.Return, integrationEvent.OccurredAt, (fact, deltas) => writer.Settle(
            fact,
            integrationEvent.Return,
            integrationEvent.RefundAmount,
            integrationEvent.StoreCreditAmount,
            integrationEvent.Return.CompletedAt ?? integrationEvent.OccurredAt,
            deltas), cancellationToken);

    public Task HandleAsync(ReturnRejected integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.Return, integrationEvent.OccurredAt, writer.Withdraw, cancellationToken);

    public Task HandleAsync(ReturnCancelled integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.Return, integrationEvent.OccurredAt, writer.Withdraw, cancellationToken);

    public Task HandleAsync(ReturnExpired integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.Return, integrationEvent.OccurredAt, writer.Withdraw, cancellationToken);

    private async Task ApplyAsync(ReturnSnapshot rma, DateTime occurredAt, Action<ReturnFactRow, CounterDeltas> stage, CancellationToken cancellationToken)
    {
        var deltas = new CounterDeltas();
        var fact = await db.ReturnFacts.FindAsync([rma.ReturnId], cancellationToken);
        var timed = fact?.StageTimes() ?? new Dictionary<string, long>();
        if (fact is null)
        {
            var order = await db.OrderFacts.FindAsync([rma.OrderId], cancellationToken);
            var categories = await writer.CategoriesAsync(rma.Lines.Select(l => l.Sku), cancellationToken);
            fact = writer.StartReturn(rma, rma.RequestedAt ?? occurredAt, order, categories, deltas);
        }

        ReadModelWriter.Stamp(fact, rma);
        stage(fact, deltas);
        ReadModelWriter.CountStageTimes(fact, timed, deltas);
        counters.Add(deltas);
    }
}
