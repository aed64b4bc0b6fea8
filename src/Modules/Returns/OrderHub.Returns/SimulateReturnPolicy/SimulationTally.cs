using OrderHub.Returns.Contracts;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.SimulateReturnPolicy;

/// <summary>
/// Adds up replayed returns: what each got under its own version against what the candidate would give it, in the
/// return's currency (amounts in different currencies are never added together), per currency and per SKU.
/// </summary>
internal sealed class SimulationTally
{
    /// <summary>Enough to act on; the count says how many there are in all.</summary>
    public const int RefusedListed = 100;

    private readonly List<RefusedReturnDto> _refused = [];
    private readonly SortedDictionary<string, Figures> _byCurrency = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Sku, string Currency), Figures> _bySku = [];
    private int _considered;
    private int _refusedCount;
    private int _actuallyAutoApproved;
    private int _wouldBeAutoApproved;

    /// <summary>
    /// One return: the lines as requested, the quote of the version it was judged under, whether it was approved
    /// at once, and the candidate's verdict.
    /// </summary>
    public void Add(ReplayedReturn rma, IReadOnlyList<RequestedLine> lines, RefundQuote actual, bool actuallyAutoApproved, RequestVerdict candidate)
    {
        _considered++;
        _actuallyAutoApproved += actuallyAutoApproved ? 1 : 0;
        _wouldBeAutoApproved += candidate.AutoApproved ? 1 : 0;
        if (candidate.Refused)
        {
            _refusedCount++;
            if (_refused.Count < RefusedListed)
            {
                _refused.Add(new RefusedReturnDto(rma.RmaNumber, rma.OrderNumber, rma.RequestedAt, candidate.Refusals));
            }
        }

        var actualLines = PerLine(lines, actual);
        var candidateLines = candidate.Refused ? new (decimal Refund, decimal Fees)[lines.Count] : PerLine(lines, candidate.Quote);
        var currency = Figures.Of(_byCurrency, rma.Currency);
        currency.Returns++;
        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var sku = Figures.Of(_bySku, (lines[i].Line.Sku, rma.Currency));
            if (skus.Add(lines[i].Line.Sku))
            {
                sku.Returns++;
                sku.Refused += candidate.Refused ? 1 : 0;
            }

            foreach (var figures in new[] { currency, sku })
            {
                figures.ActualRefund += actualLines[i].Refund;
                figures.ActualFees += actualLines[i].Fees;
                figures.CandidateRefund += candidateLines[i].Refund;
                figures.CandidateFees += candidateLines[i].Fees;
            }
        }
    }

    public ReturnPolicySimulationDto ToDto(int days, DateTime from, DateTime to, int basedOnVersion) => new(
        days,
        from,
        to,
        basedOnVersion,
        _considered,
        _refusedCount,
        _refused,
        _actuallyAutoApproved,
        _wouldBeAutoApproved,
        _wouldBeAutoApproved - _actuallyAutoApproved,
        [.. _byCurrency.Select(c => new MoneyAmountDto(c.Value.RefundDelta, c.Key))],
        [.. _byCurrency.Select(c => new MoneyAmountDto(c.Value.FeeDelta, c.Key))],
        [.. _byCurrency.Select(c => new SimulationTotalsDto(c.Key, c.Value.Returns, c.Value.ActualRefund, c.Value.CandidateRefund, c.Value.RefundDelta,
            c.Value.ActualFees, c.Value.CandidateFees, c.Value.FeeDelta))],
        [.. _bySku
            .OrderByDescending(s => Math.Abs(s.Value.RefundDelta))
            .ThenBy(s => s.Key.Sku, StringComparer.Ordinal)
            .ThenBy(s => s.Key.Currency, StringComparer.Ordinal)
            .Select(s => new SkuSimulationDto(s.Key.Sku, s.Key.Currency, s.Value.Returns, s.Value.Refused, s.Value.RefundDelta, s.Value.FeeDelta))]);

    /// <summary>
    /// Each line's refund and fees: its own restocking fee, and its share by value of the return's shipping fee and
    /// refund, to the cent (largest remainders first), so the lines add up to the return exactly.
    /// </summary>
    private static (decimal Refund, decimal Fees)[] PerLine(IReadOnlyList<RequestedLine> lines, RefundQuote quote)
    {
        var weights = lines.Select(l => l.Quantity * l.Line.UnitPrice).ToArray();
        var shipping = Share(quote.ShippingFee, weights);
        var refund = Share(quote.Total, weights);
        return [.. lines.Select((l, i) => (refund[i], quote.LineRestockingFees.GetValueOrDefault(l.Line.OrderLineId) + shipping[i]))];
    }

    private static decimal[] Share(decimal amount, decimal[] weights)
    {
        var shares = new decimal[weights.Length];
        if (weights.Length == 0)
        {
            return shares;
        }

        var total = weights.Sum();
        if (total <= 0m)
        {
            shares[0] = amount;
            return shares;
        }

        var cents = decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);
        var exact = weights.Select(w => cents * w / total).ToArray();
        var floors = exact.Select(decimal.Floor).ToArray();
        var left = (int)(cents - floors.Sum());
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - floors[i]).ThenBy(i => i).Take(left))
        {
            floors[i]++;
        }

        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = floors[i] / 100m;
        }

        return shares;
    }

    private sealed class Figures
    {
        public int Returns { get; set; }

        public int Refused { get; set; }

        public decimal ActualRefund { get; set; }

        public decimal CandidateRefund { get; set; }

        public decimal ActualFees { get; set; }

        public decimal CandidateFees { get; set; }

        public decimal RefundDelta => CandidateRefund - ActualRefund;

        public decimal FeeDelta => CandidateFees - ActualFees;

        public static Figures Of<TKey>(IDictionary<TKey, Figures> map, TKey key)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var figures))
            {
                figures = new Figures();
                map[key] = figures;
            }

            return figures;
        }
    }
}
