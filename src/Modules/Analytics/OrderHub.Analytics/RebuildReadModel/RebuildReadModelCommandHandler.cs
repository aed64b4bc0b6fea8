using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Contracts;
using OrderHub.Analytics.Persistence;
using OrderHub.Orders.Contracts;
using OrderHub.Returns.Contracts;

namespace OrderHub.Analytics.RebuildReadModel;

/// <summary>
/// Empties the read model and refills it from what Orders and Returns know, through their public queries, in the
/// command's one transaction. On PostgreSQL and SQL Server the read model's tables are locked first (exclusively), so a
/// consumer applying an event meanwhile waits for the commit and then finds the fact the rebuild already counted
/// (or counts the one the rebuild could not yet see); on SQLite the single writer serialises them the same way.
/// </summary>
internal sealed class RebuildReadModelCommandHandler(AnalyticsDbContext db, ReadModelWriter writer, IMediator mediator, TimeProvider clock)
    : IRequestHandler<RebuildReadModelCommand, RebuildResultDto>
{
    private const int PageSize = 500;
    private static readonly string[] Tables = ["order_facts", "return_facts", "daily_totals", "dimension_counters", "reason_counters", "customer_counters",
        "dimension_month_counters", "reason_month_counters", "customer_month_counters", "stage_hour_month_counters", "stage_duration_month_counters"];

    private static readonly IReadOnlyDictionary<string, long> NotTimed = new Dictionary<string, long>();

    public async Task<RebuildResultDto> Handle(RebuildReadModelCommand request, CancellationToken cancellationToken)
    {
        if (!db.Names.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync(LockSql(db.Names, db.Database.IsSqlServer()), cancellationToken);
        }

        await db.StageDurationMonthCounters.ExecuteDeleteAsync(cancellationToken);
        await db.StageHourMonthCounters.ExecuteDeleteAsync(cancellationToken);
        await db.CustomerMonthCounters.ExecuteDeleteAsync(cancellationToken);
        await db.ReasonMonthCounters.ExecuteDeleteAsync(cancellationToken);
        await db.DimensionMonthCounters.ExecuteDeleteAsync(cancellationToken);
        await db.CustomerCounters.ExecuteDeleteAsync(cancellationToken);
        await db.ReasonCounters.ExecuteDeleteAsync(cancellationToken);
        await db.DimensionCounters.ExecuteDeleteAsync(cancellationToken);
        await db.DailyTotals.ExecuteDeleteAsync(cancellationToken);
        await db.ReturnFacts.ExecuteDeleteAsync(cancellationToken);
        await db.OrderFacts.ExecuteDeleteAsync(cancellationToken);

        var deltas = new CounterDeltas();
        var orders = await CountDeliveriesAsync(deltas, cancellationToken);
        var returns = await CountReturnsAsync(orders, deltas, cancellationToken);
        await deltas.FlushAsync(db, cancellationToken);
        return new RebuildResultDto(orders.Count, returns, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// Locks the read model's tables until the transaction ends. Names come from constants, not input. SQL Server has
    /// no LOCK TABLE: a read under TABLOCKX and HOLDLOCK takes and keeps each table's exclusive lock.
    /// </summary>
    internal static string LockSql(OrderHub.BuildingBlocks.Persistence.ModuleSchema names, bool sqlServer) => sqlServer
        ? string.Concat(Tables.Select(t => $"SELECT COUNT(*) FROM [{names.Schema}].[{t}] WITH (TABLOCKX, HOLDLOCK);"))
        : "LOCK TABLE " + string.Join(", ", Tables.Select(t => $"\"{names.Schema}\".\"{t}\"")) + " IN ACCESS EXCLUSIVE MODE";

    private async Task<Dictionary<Guid, OrderFactRow>> CountDeliveriesAsync(CounterDeltas deltas, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<Guid, OrderFactRow>();
        for (long after = 0; ;)
        {
            var page = await mediator.Send(new ListDeliveredOrderFactsQuery(after, PageSize), cancellationToken);
            if (page.Count == 0)
            {
                return facts;
            }

            var categories = await writer.CategoriesAsync(page.SelectMany(o => o.Lines).Select(l => l.Sku), cancellationToken);
            foreach (var order in page)
            {
                facts[order.OrderId] = writer.CountDelivery(order, categories, deltas);
            }

            await SaveAsync(cancellationToken);
            after = page[^1].Sequence;
        }
    }

    private async Task<int> CountReturnsAsync(Dictionary<Guid, OrderFactRow> orders, CounterDeltas deltas, CancellationToken cancellationToken)
    {
        var count = 0;
        for (long after = 0; ;)
        {
            var page = await mediator.Send(new ListReturnFactsQuery(after, PageSize), cancellationToken);
            if (page.Count == 0)
            {
                return count;
            }

            var categories = await writer.CategoriesAsync(page.SelectMany(r => r.Return.Lines).Select(l => l.Sku), cancellationToken);
            foreach (var fact in page)
            {
                var rma = fact.Return;
                var row = writer.StartReturn(rma, rma.RequestedAt!.Value, orders.GetValueOrDefault(rma.OrderId), categories, deltas);
                ReadModelWriter.Stamp(row, rma);
                if (rma.Status is ReturnStatus.Rejected or ReturnStatus.Cancelled or ReturnStatus.Expired)
                {
                    writer.Withdraw(row, deltas);
                }

                if (fact.Settled)
                {
                    writer.Settle(row, rma, fact.RefundAmount, fact.StoreCreditAmount, rma.CompletedAt!.Value, deltas);
                }

                ReadModelWriter.CountStageTimes(row, NotTimed, deltas);
            }

            count += page.Count;
            await SaveAsync(cancellationToken);
            after = page[^1].Sequence;
        }
    }

    /// <summary>Writes the page's facts and forgets them, so a rebuild of many pages keeps only counters in memory.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
