using System.Globalization;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.Policies;

/// <summary>
/// The return policy applied to facts: eligibility per line with reasons in words a customer understands,
/// fees and refund estimate, keep-it lines and the auto-approval decision. Pure, so every edge is unit-tested.
/// </summary>
internal static class PolicyEvaluator
{
    /// <summary>Reasons where the seller is at fault: no restocking fee, no return-shipping fee, full refund.</summary>
    public static readonly IReadOnlySet<ReturnReason> SellerFault = new HashSet<ReturnReason> { ReturnReason.Defective, ReturnReason.Damaged, ReturnReason.WrongItem };

    /// <summary>
    /// Whether a line can be returned at <paramref name="now"/>: the moment a request is made, or for a replay of
    /// history the moment it was made, so an old request is judged by its own day and not by today.
    /// </summary>
    public static ReturnableLineDto Evaluate(PolicyRules rules, OrderFacts order, LineFacts line, DateTime now) =>
        Assess(rules, order, line, now).Line;

    /// <summary>The line's eligibility, and each reason it cannot be returned as a code with its values, for pages that word it.</summary>
    public static (ReturnableLineDto Line, IReadOnlyList<ReturnRefusal> Refusals) Assess(PolicyRules rules, OrderFacts order, LineFacts line, DateTime now)
    {
        var refusals = new List<ReturnRefusal>();
        void Refuse(string code, string text, params string[] arguments) => refusals.Add(new ReturnRefusal(code, arguments, text));

        DateTime? deadline = null;
        if (order.Cancelled)
        {
            Refuse(ReturnRefusalCodes.OrderCancelled, "The order was cancelled, so there is nothing to return.");
        }
        else if (order.DeliveredAt is not { } delivered)
        {
            Refuse(ReturnRefusalCodes.NotDelivered, "The order has not been delivered yet; returns open once it arrives.");
        }
        else
        {
            var window = (line.Category is null ? null : rules.CategoryWindow(line.Category)) ?? rules.WindowDays;
            window += rules.SegmentExtension(order.Segment);
            deadline = Deadline(delivered, window);
            if (now > deadline)
            {
                var closed = deadline.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Refuse(ReturnRefusalCodes.WindowClosed, $"The {window}-day return window for this item closed on {closed}.", window.ToString(CultureInfo.InvariantCulture), closed);
            }
        }

        if (!line.CatalogueReturnable || rules.IsSkuExcluded(line.Sku))
        {
            Refuse(ReturnRefusalCodes.ProductNotReturnable, "This product cannot be returned.");
        }

        if (line.Category is not null && rules.IsCategoryExcluded(line.Category))
        {
            Refuse(ReturnRefusalCodes.CategoryNotReturnable, $"Items in the category '{line.Category}' cannot be returned.", line.Category);
        }

        var returnable = Math.Max(0, line.ShippedQuantity - line.AlreadyOnReturns);
        if (line.ShippedQuantity == 0 && !order.Cancelled)
        {
            Refuse(ReturnRefusalCodes.NotShipped, "This item has not been shipped yet.");
        }
        else if (returnable == 0 && line.ShippedQuantity > 0)
        {
            Refuse(ReturnRefusalCodes.AlreadyOnReturn, $"All {line.ShippedQuantity} unit(s) of this item are already on a return.", line.ShippedQuantity.ToString(CultureInfo.InvariantCulture));
        }

        var eligible = refusals.Count == 0 && returnable > 0;
        var reasons = refusals.Select(r => r.Text).ToList();
        return (new ReturnableLineDto(line.OrderLineId, line.Sku, line.Quantity, line.ShippedQuantity, eligible ? returnable : 0, deadline, eligible, reasons), refusals);
    }

    /// <summary>Why the policy refuses <paramref name="resolution"/>; null when it offers it.</summary>
    public static string? ResolutionRefusal(PolicyRules rules, ReturnResolution resolution) =>
        rules.AllowedResolutions.Contains(resolution)
            ? null
            : $"The return policy does not offer {resolution}; choose one of: {string.Join(", ", rules.AllowedResolutions)}.";

    /// <summary>Why <paramref name="quantity"/> units of a line judged <paramref name="verdict"/> cannot be returned; empty when they can.</summary>
    public static IReadOnlyList<string> LineRefusals(ReturnableLineDto verdict, int quantity) =>
        !verdict.Eligible ? verdict.Reasons
        : quantity > verdict.ReturnableQuantity ? [$"Only {verdict.ReturnableQuantity} unit(s) of this item can still be returned."]
        : [];

    /// <summary>
    /// A whole request judged as it would be at <paramref name="asOf"/>: every reason it would be refused, the money
    /// and why it would wait for a person. The same rules the intake applies, in one call, so a replay of history
    /// under another policy cannot drift from what a live request meets.
    /// </summary>
    public static RequestVerdict Judge(
        PolicyRules rules, OrderFacts order, ReturnResolution resolution, IReadOnlyList<RequestedLine> lines, string? serialReturnerFlag, DateTime asOf) =>
        Judge(rules, [new OrderRequest(order, lines)], resolution, serialReturnerFlag, asOf);

    /// <summary>
    /// A request that takes items from several orders of one customer: each line is judged by its own order (window,
    /// delivery, what is already on returns), the money is quoted over all lines as one parcel, and each order's value
    /// is held against the auto-approval limit.
    /// </summary>
    public static RequestVerdict Judge(
        PolicyRules rules, IReadOnlyList<OrderRequest> orders, ReturnResolution resolution, string? serialReturnerFlag, DateTime asOf)
    {
        var refusals = new List<string>();
        if (ResolutionRefusal(rules, resolution) is { } notOffered)
        {
            refusals.Add(notOffered);
        }

        var lineRefusals = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var (order, lines) in orders)
        {
            foreach (var requested in lines)
            {
                var reasons = LineRefusals(Evaluate(rules, order, requested.Line, asOf), requested.Quantity);
                if (reasons.Count > 0)
                {
                    lineRefusals[requested.Line.OrderLineId] = reasons;
                    refusals.AddRange(reasons);
                }
            }
        }

        var review = orders.SelectMany(o => ReviewReasons(rules, o.Order, serialReturnerFlag)).Distinct(StringComparer.Ordinal).ToList();
        return new RequestVerdict([.. refusals.Distinct(StringComparer.Ordinal)], Quote(rules, resolution, [.. orders.SelectMany(o => o.Lines)]), review, lineRefusals);
    }

    /// <summary>Returns are accepted until the end (UTC) of the last day of the window.</summary>
    public static DateTime Deadline(DateTime deliveredAt, int windowDays) =>
        DateTime.SpecifyKind(deliveredAt.Date.AddDays(windowDays + 1).AddTicks(-1), DateTimeKind.Utc);

    public static RefundQuote Quote(PolicyRules rules, ReturnResolution resolution, IReadOnlyList<RequestedLine> lines)
    {
        var keepIt = new HashSet<Guid>();
        var lineFees = new Dictionary<Guid, decimal>();
        decimal itemsValue = 0, restocking = 0;
        foreach (var requested in lines)
        {
            var value = requested.Quantity * requested.Line.UnitPrice;
            itemsValue += value;
            if (resolution != ReturnResolution.Exchange && rules.KeepItThreshold is { } threshold && value < threshold)
            {
                keepIt.Add(requested.Line.OrderLineId);
            }

            // An exchange keeps the sale, so nothing is kept back for restocking.
            var fee = resolution != ReturnResolution.Exchange && !SellerFault.Contains(requested.Reason) ? RestockingFee(value, rules.RestockingFeePercent) : 0m;
            lineFees[requested.Line.OrderLineId] = fee;
            restocking += fee;
        }

        var anyShippedBack = lines.Any(l => !keepIt.Contains(l.Line.OrderLineId));
        var shippingWaived = resolution == ReturnResolution.Exchange || !anyShippedBack || lines.Any(l => SellerFault.Contains(l.Reason));
        var shipping = shippingWaived ? 0m : rules.ReturnShippingFee;
        restocking = Money(restocking);
        var net = Math.Max(0m, itemsValue - restocking - shipping);
        var bonus = resolution == ReturnResolution.StoreCredit ? Money(net * rules.StoreCreditBonusPercent / 100m) : 0m;
        var total = resolution == ReturnResolution.Exchange ? 0m : Money(net + bonus);
        return new RefundQuote(Money(itemsValue), restocking, shipping, bonus, total, keepIt, lineFees);
    }

    /// <summary>Why a request needs a person; empty when it may be approved at once.</summary>
    public static IReadOnlyList<string> ReviewReasons(PolicyRules rules, OrderFacts order, string? serialReturnerFlag)
    {
        var reasons = new List<string>();
        if (serialReturnerFlag is not null)
        {
            reasons.Add(serialReturnerFlag);
        }

        if (rules.AutoApproveMaxOrderValue is not { } limit)
        {
            reasons.Add("The policy does not approve returns automatically.");
        }
        else if (order.OrderValue >= limit)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Order value {order.OrderValue:0.00} {order.Currency} is not below the auto-approval limit of {limit:0.00}."));
        }

        return reasons;
    }

    /// <summary>A flag text when the customer's recent orders were returned too often, else null.</summary>
    public static string? SerialReturner(PolicyRules rules, int recentOrders, int recentOrdersWithReturns)
    {
        if (recentOrders < Math.Max(1, rules.SerialReturnerMinimumOrders))
        {
            return null;
        }

        var rate = 100m * recentOrdersWithReturns / recentOrders;
        return rate >= rules.SerialReturnerThresholdPercent
            ? string.Create(CultureInfo.InvariantCulture, $"Serial returner: {recentOrdersWithReturns} of the last {recentOrders} orders were returned ({rate:0}% ≥ {rules.SerialReturnerThresholdPercent:0}%).")
            : null;
    }

    /// <summary>The fee of one line, rounded per line so the quote and the final refund agree to the cent.</summary>
    public static decimal RestockingFee(decimal lineValue, decimal feePercent) => Money(lineValue * feePercent / 100m);

    private static decimal Money(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
