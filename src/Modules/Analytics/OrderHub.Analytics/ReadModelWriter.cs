using MediatR;
using OrderHub.Analytics.Persistence;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.Contracts;
using OrderHub.Returns.Contracts;

namespace OrderHub.Analytics;

/// <summary>
/// The one place that turns facts into read-model rows and counter additions, used alike by the event consumers
/// and by the rebuild, so both arrive at the same counters. Deliveries count on their delivery day; a return, and
/// everything that later becomes of it, on the day it was requested.
/// </summary>
internal sealed class ReadModelWriter(AnalyticsDbContext db, IMediator mediator)
{
    /// <summary>The catalogue category of each SKU that Inventory knows.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CategoriesAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var codes = skus.Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var known = await mediator.Send(new GetSkusQuery(codes), cancellationToken);
        return known.ToDictionary(s => s.Sku, s => s.Category, StringComparer.Ordinal);
    }

    /// <summary>Records a delivered order and counts what it sold; the caller makes sure it was not counted before.</summary>
    public OrderFactRow CountDelivery(DeliveredOrderFact order, IReadOnlyDictionary<string, string> categories, CounterDeltas deltas)
    {
        var fact = new OrderFactRow(order.OrderId, Dimensions.KeyOf(order.Storefront), order.CustomerEmail, Dimensions.KeyOf(order.Segment), DateOnly.FromDateTime(order.DeliveredAt));
        db.OrderFacts.Add(fact);

        var day = fact.DeliveredDay;
        var storefront = fact.Storefront;
        var units = order.Lines.Sum(l => (long)l.Quantity);
        deltas.Add<DailyTotalsRow>([day, storefront], nameof(DailyTotalsRow.OrdersDelivered), 1);
        deltas.Add<DailyTotalsRow>([day, storefront], nameof(DailyTotalsRow.UnitsSold), units);
        Customer(deltas, day, storefront, fact.CustomerEmail, nameof(CustomerCounterRow.OrdersDelivered), 1);
        Customer(deltas, day, storefront, fact.CustomerEmail, nameof(CustomerCounterRow.UnitsSold), units);
        foreach (var line in order.Lines)
        {
            Sold(deltas, Dimensions.Sku, day, storefront, Dimensions.KeyOf(line.Sku), line.Quantity);
            Sold(deltas, Dimensions.Category, day, storefront, Dimensions.KeyOf(categories.GetValueOrDefault(line.Sku)), line.Quantity);
        }

        Sold(deltas, Dimensions.Segment, day, storefront, fact.Segment, units);
        Sold(deltas, Dimensions.Storefront, day, storefront, storefront, units);
        Sold(deltas, Dimensions.Week, day, storefront, Dimensions.WeekOf(day), units);
        return fact;
    }

    /// <summary>
    /// Records a return the read model has not seen yet and counts its units; <paramref name="order"/> is the
    /// read model's record of its order (null when the order was delivered before the read model knew of it).
    /// </summary>
    public ReturnFactRow StartReturn(ReturnSnapshot rma, DateTime requestedAt, OrderFactRow? order, IReadOnlyDictionary<string, string> categories, CounterDeltas deltas)
    {
        var lines = rma.Lines
            .Select(l => new ReturnedUnits(Dimensions.KeyOf(l.Sku), Dimensions.KeyOf(categories.GetValueOrDefault(l.Sku)), l.ReasonCode.ToString(), l.Quantity, l.KeepIt))
            .ToList();
        var fact = new ReturnFactRow(
            rma.ReturnId,
            Dimensions.KeyOf(rma.Storefront),
            order?.CustomerEmail ?? rma.CustomerEmail,
            order?.Segment ?? Dimensions.None,
            rma.Resolution.ToString(),
            requestedAt,
            lines);
        db.ReturnFacts.Add(fact);
        CountReturn(fact, 1, deltas);
        return fact;
    }

    /// <summary>Takes back the units of a return that was rejected, cancelled or expired, once.</summary>
    public void Withdraw(ReturnFactRow fact, CounterDeltas deltas)
    {
        if (fact.Withdraw())
        {
            CountReturn(fact, -1, deltas);
        }
    }

    /// <summary>Counts the money and dispositions of a completed return, once.</summary>
    public void Settle(ReturnFactRow fact, ReturnSnapshot rma, decimal? refund, decimal? storeCredit, DateTime completedAt, CounterDeltas deltas)
    {
        if (!fact.Settle(completedAt))
        {
            return;
        }

        object[] key = [fact.RequestedDay, fact.Storefront];
        deltas.Add<DailyTotalsRow>(key, nameof(DailyTotalsRow.RefundCents), Cents(refund));
        deltas.Add<DailyTotalsRow>(key, nameof(DailyTotalsRow.StoreCreditCents), Cents(storeCredit));
        foreach (var line in rma.Lines.Where(l => !l.KeepIt && l.Disposition is not null))
        {
            var counter = line.Disposition switch
            {
                Disposition.Restock => nameof(DailyTotalsRow.RestockUnits),
                Disposition.Refurbish => nameof(DailyTotalsRow.RefurbishUnits),
                Disposition.Dispose => nameof(DailyTotalsRow.DisposeUnits),
                _ => nameof(DailyTotalsRow.ReturnToVendorUnits),
            };
            deltas.Add<DailyTotalsRow>(key, counter, line.Quantity);
        }
    }

    /// <summary>Stamps the stage times the snapshot knows and the read model does not yet.</summary>
    public static void Stamp(ReturnFactRow fact, ReturnSnapshot rma)
    {
        if (rma.ApprovedAt is { } approvedAt)
        {
            fact.Approve(approvedAt);
        }

        if (rma.ReceivedAt is { } receivedAt)
        {
            fact.Receive(receivedAt);
        }
    }

    /// <summary>
    /// Counts in the stage-time histograms each stage the return went through since <paramref name="before"/> (its
    /// <see cref="ReturnFactRow.StageTimes"/> before this change; empty for a return the read model has not seen).
    /// A stage's timestamps are set once, so a stage appears in exactly one committed change of the fact row.
    /// </summary>
    public static void CountStageTimes(ReturnFactRow fact, IReadOnlyDictionary<string, long> before, CounterDeltas deltas)
    {
        var month = AnalyticsWindow.MonthOf(fact.RequestedDay);
        foreach (var (stage, centihours) in fact.StageTimes())
        {
            if (before.ContainsKey(stage))
            {
                continue;
            }

            deltas.Add<StageHourMonthCounterRow>([stage, month, fact.Storefront, StageTimes.HourOf(centihours)], nameof(StageHourMonthCounterRow.Returns), 1);
            deltas.Add<StageDurationMonthCounterRow>([stage, centihours, month, fact.Storefront], nameof(StageDurationMonthCounterRow.Returns), 1);
        }
    }

    private static void CountReturn(ReturnFactRow fact, int sign, CounterDeltas deltas)
    {
        var day = fact.RequestedDay;
        var storefront = fact.Storefront;
        var lines = fact.ReturnedUnits();
        var units = lines.Sum(l => (long)l.Quantity);
        object[] totals = [day, storefront];
        deltas.Add<DailyTotalsRow>(totals, nameof(DailyTotalsRow.UnitsReturned), sign * units);
        deltas.Add<DailyTotalsRow>(totals, fact.Resolution switch
        {
            nameof(ReturnResolution.Refund) => nameof(DailyTotalsRow.RefundReturns),
            nameof(ReturnResolution.StoreCredit) => nameof(DailyTotalsRow.StoreCreditReturns),
            _ => nameof(DailyTotalsRow.ExchangeReturns),
        }, sign);
        if (lines.Any(l => l.KeepIt))
        {
            deltas.Add<DailyTotalsRow>(totals, nameof(DailyTotalsRow.KeepItReturns), sign);
        }

        Customer(deltas, day, storefront, fact.CustomerEmail, nameof(CustomerCounterRow.Returns), sign);
        Customer(deltas, day, storefront, fact.CustomerEmail, nameof(CustomerCounterRow.UnitsReturned), sign * units);
        var week = Dimensions.WeekOf(day);
        foreach (var line in lines)
        {
            var quantity = sign * line.Quantity;
            Returned(deltas, Dimensions.Sku, day, storefront, line.Sku, line.Reason, quantity);
            Returned(deltas, Dimensions.Category, day, storefront, line.Category, line.Reason, quantity);
            Returned(deltas, Dimensions.Reason, day, storefront, line.Reason, line.Reason, quantity);
            Returned(deltas, Dimensions.Segment, day, storefront, fact.Segment, line.Reason, quantity);
            Returned(deltas, Dimensions.Storefront, day, storefront, storefront, line.Reason, quantity);
            Returned(deltas, Dimensions.Week, day, storefront, week, line.Reason, quantity);
        }
    }

    // Every addition to a day row of a high-cardinality counter goes to its month row too, in the same statement
    // batch and transaction, so the two can never disagree.
    private static void Customer(CounterDeltas deltas, DateOnly day, string storefront, string email, string counter, long delta)
    {
        deltas.Add<CustomerCounterRow>([day, storefront, email], counter, delta);
        deltas.Add<CustomerMonthCounterRow>([AnalyticsWindow.MonthOf(day), storefront, email], counter, delta);
    }

    private static void Sold(CounterDeltas deltas, string dimension, DateOnly day, string storefront, string key, long units)
    {
        deltas.Add<DimensionCounterRow>([dimension, day, storefront, key], nameof(DimensionCounterRow.UnitsSold), units);
        deltas.Add<DimensionMonthCounterRow>([dimension, AnalyticsWindow.MonthOf(day), storefront, key], nameof(DimensionMonthCounterRow.UnitsSold), units);
    }

    private static void Returned(CounterDeltas deltas, string dimension, DateOnly day, string storefront, string key, string reason, long units)
    {
        var month = AnalyticsWindow.MonthOf(day);
        deltas.Add<DimensionCounterRow>([dimension, day, storefront, key], nameof(DimensionCounterRow.UnitsReturned), units);
        deltas.Add<DimensionMonthCounterRow>([dimension, month, storefront, key], nameof(DimensionMonthCounterRow.UnitsReturned), units);
        deltas.Add<ReasonCounterRow>([dimension, day, storefront, key, reason], nameof(ReasonCounterRow.Units), units);
        deltas.Add<ReasonMonthCounterRow>([dimension, month, storefront, key, reason], nameof(ReasonMonthCounterRow.Units), units);
    }

    private static long Cents(decimal? amount) => amount is { } value ? (long)decimal.Round(value * 100, 0, MidpointRounding.AwayFromZero) : 0;
}
