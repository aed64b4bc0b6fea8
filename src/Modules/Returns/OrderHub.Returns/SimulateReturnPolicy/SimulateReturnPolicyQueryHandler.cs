using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.OrderCopies;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.SimulateReturnPolicy;

/// <summary>
/// Replays the returns requested in the last N days under a candidate policy with the rules the intake applies
/// (<c>PolicyEvaluator.Judge</c>, each line by its own order), each as of the moment it was requested, and compares them with the quote
/// of the version stamped on each. Reads only: pages of returns by sequence number, each page's lines, orders,
/// catalogue entries and customers' history in one query apiece, with projections and no tracking.
/// </summary>
internal sealed class SimulateReturnPolicyQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies, ReturnWarehouses warehouses, IMediator mediator, TimeProvider clock)
    : IRequestHandler<SimulateReturnPolicyQuery, ReturnPolicySimulationDto>
{
    private const int PageSize = 500;

    /// <summary>Statuses of a return that make its order count as returned for the serial-returner rule, as at intake.</summary>
    private static readonly ReturnStatus[] NotCountingAsReturned = [ReturnStatus.Rejected, ReturnStatus.Cancelled];

    public async Task<ReturnPolicySimulationDto> Handle(SimulateReturnPolicyQuery query, CancellationToken cancellationToken)
    {
        var inForce = await policies.GetAsync(db, cancellationToken);
        var candidate = PolicyRules.Merge(inForce.Rules, query.Policy);
        await warehouses.RequireKnownAsync(candidate, cancellationToken);

        var to = clock.GetUtcNow().UtcDateTime;
        var from = to.AddDays(-query.Days);
        var versions = await VersionsAsync(cancellationToken);
        var catalogue = new Dictionary<string, SkuInfo?>(StringComparer.Ordinal);
        var tally = new SimulationTally();
        long after = 0;
        while (true)
        {
            var page = await db.Returns.AsNoTracking()
                .Where(r => r.CreatedAt >= from && r.CreatedAt <= to && r.SequenceNumber > after)
                .OrderBy(r => r.SequenceNumber)
                .Take(PageSize)
                .Select(r => new ReplayedReturn(r.Id, r.SequenceNumber, r.RmaNumber, r.OrderId, r.OrderNumber, r.CustomerEmail, r.Currency, r.Resolution,
                    r.PolicyVersion, r.ReviewReasons, r.CreatedAt))
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].SequenceNumber;
            await ReplayAsync(page, candidate, versions, catalogue, tally, cancellationToken);
        }

        return tally.ToDto(query.Days, from, to, inForce.Version);
    }

    private async Task ReplayAsync(
        List<ReplayedReturn> page, PolicyRules candidate, IReadOnlyDictionary<int, PolicyRules> versions, Dictionary<string, SkuInfo?> catalogue, SimulationTally tally,
        CancellationToken cancellationToken)
    {
        var returnIds = page.Select(r => r.Id).ToList();
        var returnLines = (await db.ReturnLines.AsNoTracking()
                .Where(l => returnIds.Contains(l.ReturnId))
                .Select(l => new { l.ReturnId, l.OrderId, l.OrderLineId, l.Sku, l.Quantity, l.UnitPrice, l.Reason })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.ReturnId);
        var orderIds = returnLines.SelectMany(g => g.Select(l => l.OrderId)).Distinct().ToList();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Cancelled, o.DeliveredAt, o.Segment, o.Currency })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var orderLines = (await db.Set<OrderCopyLine>().AsNoTracking()
                .Where(l => orderIds.Contains(l.OrderId))
                .Select(l => new { l.OrderId, l.OrderLineId, l.Sku, l.Quantity, l.ShippedQuantity, l.UnitPrice })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.OrderId);
        await CatalogueAsync(catalogue, orderLines.SelectMany(g => g.Select(l => l.Sku)), cancellationToken);
        var history = await CustomerHistoryAsync(page, cancellationToken);

        foreach (var rma in page)
        {
            // An order Returns never heard of cannot be judged; it cannot have had a return either.
            var lines = returnLines[rma.Id].ToList();
            if (lines.Any(l => !orders.ContainsKey(l.OrderId)))
            {
                continue;
            }

            // Each line is judged by its own order, as at intake. Quantities were checked when the return was accepted
            // and no policy changes them, so the replay asks only what a policy decides: nothing else counts as
            // already on a return.
            var judged = lines.GroupBy(l => l.OrderId).Select(group =>
            {
                var order = orders[group.Key];
                var lineFacts = orderLines[group.Key].ToDictionary(
                    l => l.OrderLineId,
                    l => new LineFacts(l.OrderLineId, l.Sku, l.Quantity, l.ShippedQuantity, l.UnitPrice, 0, catalogue[l.Sku]?.Category, catalogue[l.Sku]?.Returnable ?? true));
                var facts = new OrderFacts(order.Cancelled, order.DeliveredAt, order.Segment, lineFacts.Values.Sum(l => l.Quantity * l.UnitPrice), order.Currency, [.. lineFacts.Values]);
                return new OrderRequest(facts, [.. group.Select(l => new RequestedLine(lineFacts.TryGetValue(l.OrderLineId, out var known) ? known with { UnitPrice = l.UnitPrice } : new LineFacts(
                    l.OrderLineId, l.Sku, l.Quantity, l.Quantity, l.UnitPrice, 0, null, true), l.Quantity, l.Reason))]);
            }).ToList();
            var requested = judged.SelectMany(o => o.Lines).ToList();
            var actual = PolicyEvaluator.Quote(versions.GetValueOrDefault(rma.PolicyVersion, PolicyRules.Default), rma.Resolution, requested);
            var (recent, withReturns) = history.At(rma.CustomerEmail, rma.RequestedAt, candidate.SerialReturnerLookbackOrders);
            var verdict = PolicyEvaluator.Judge(candidate, judged, rma.Resolution,
                PolicyEvaluator.SerialReturner(candidate, recent, withReturns), rma.RequestedAt);
            tally.Add(rma, requested, actual, rma.ReviewReasons.Length == 0, verdict);
        }
    }

    /// <summary>Every stored version's rules; version 1 is the built-in default when it was never stored.</summary>
    private async Task<IReadOnlyDictionary<int, PolicyRules>> VersionsAsync(CancellationToken cancellationToken)
    {
        var stored = await db.Policies.AsNoTracking().ToListAsync(cancellationToken);
        var versions = stored.ToDictionary(p => p.Version, p => p.Rules);
        versions.TryAdd(1, PolicyRules.Default);
        return versions;
    }

    private async Task CatalogueAsync(Dictionary<string, SkuInfo?> catalogue, IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var missing = skus.Distinct(StringComparer.Ordinal).Where(s => !catalogue.ContainsKey(s)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var found = (await mediator.Send(new GetSkusQuery(missing), cancellationToken)).ToDictionary(s => s.Sku, StringComparer.Ordinal);
        foreach (var sku in missing)
        {
            catalogue[sku] = found.GetValueOrDefault(sku);
        }
    }

    /// <summary>The orders of the page's customers, and when each got a return that still counts, for the serial-returner rule.</summary>
    private async Task<CustomerHistory> CustomerHistoryAsync(List<ReplayedReturn> page, CancellationToken cancellationToken)
    {
        var emails = page.Select(r => r.CustomerEmail).Distinct(StringComparer.Ordinal).ToList();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => emails.Contains(o.CustomerEmail) && !o.Cancelled)
            .Select(o => new CustomerHistory.Order(o.Id, o.CustomerEmail, o.CreatedAt))
            .ToListAsync(cancellationToken);
        var returns = await db.Returns.AsNoTracking()
            .Where(r => emails.Contains(r.CustomerEmail) && !NotCountingAsReturned.Contains(r.Status))
            .Join(db.ReturnLines, r => r.Id, l => l.ReturnId, (r, l) => new { l.OrderId, r.CreatedAt })
            .Distinct()
            .ToListAsync(cancellationToken);
        return new CustomerHistory(orders, [.. returns.Select(r => new CustomerHistory.Return(r.OrderId, r.CreatedAt))]);
    }
}
