using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.Domain;

/// <summary>
/// Units of orders to pick in one warehouse, in walk order (location code). A scan picks units of one line and never
/// more than the line has left; the list completes when nothing is left to pick. Its <see cref="AggregateRoot{TId}.Version"/>
/// makes two scans that raced on the same list conflict rather than both count (ADR 0030).
/// </summary>
internal sealed class PickList : AggregateRoot<Guid>
{
    private readonly List<PickListLine> _lines = [];
    private readonly List<PickListTag> _tags = [];

    private PickList()
    {
    }

    public string WarehouseCode { get; private set; } = string.Empty;

    public PickListStatus Status { get; private set; }

    public string CreatedBy { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>In walk order when created; as stored when loaded (<see cref="PickListLine.Position"/> gives the walk).</summary>
    public IReadOnlyList<PickListLine> Lines => _lines;

    /// <summary>The RFID tags scans picked, so a tag read again picks nothing more.</summary>
    public IReadOnlyList<PickListTag> Tags => _tags;

    public int RemainingUnits => _lines.Sum(l => l.Remaining);

    /// <summary>A list of the given units, walked by location code, then SKU, then in the order the orders were placed.</summary>
    public static PickList Create(string warehouseCode, IReadOnlyList<PickCandidate> units, string actor, DateTime now)
    {
        if (units.Count == 0)
        {
            throw new BusinessRuleException($"Nothing is left to pick in warehouse {warehouseCode}.", "nothing-to-pick");
        }

        var list = new PickList { Id = Guid.NewGuid(), WarehouseCode = warehouseCode, Status = PickListStatus.Open, CreatedBy = actor, CreatedAt = now };
        var position = 0;
        foreach (var unit in units
            .OrderBy(u => u.LocationCode, StringComparer.Ordinal)
            .ThenBy(u => u.Sku, StringComparer.Ordinal)
            .ThenBy(u => u.OrderSequence)
            .ThenBy(u => u.OrderLineId))
        {
            list._lines.Add(new PickListLine(list.Id, ++position, unit.OrderId, unit.OrderLineId, unit.Sku, unit.LocationCode, unit.Quantity));
        }

        return list;
    }

    /// <summary>
    /// Picks <paramref name="quantity"/> units for the first line in walk order that still wants one of <paramref name="skus"/>
    /// (what the scanned code names; narrowed to a location or an order line when given). A code the list does not want is
    /// 422 naming what it does want; more units than the line has left is 422 too. A <paramref name="tag"/> (an EPC's pure
    /// identity) this list already picked picks nothing: the answer is the line it picked then, marked as a repeat.
    /// </summary>
    public (PickListLine Line, bool Repeated) Pick(IReadOnlyCollection<string> skus, int quantity, string? locationCode, Guid? orderLineId, string scanned, string? tag, DateTime now)
    {
        var earlier = tag is null ? null : _tags.FirstOrDefault(t => string.Equals(t.Epc, tag, StringComparison.Ordinal));
        if (earlier is not null)
        {
            return (_lines.First(l => l.OrderLineId == earlier.OrderLineId && string.Equals(l.LocationCode, earlier.LocationCode, StringComparison.Ordinal)), true);
        }

        if (Status != PickListStatus.Open)
        {
            throw new ConflictException($"Pick list {Id} is {Status}; nothing is left to pick.", "pick-list-completed");
        }

        // Loaded lines come in storage order, not walk order.
        var line = _lines.OrderBy(l => l.Position).FirstOrDefault(l => l.Remaining > 0
                && skus.Contains(l.Sku, StringComparer.Ordinal)
                && (locationCode is null || string.Equals(l.LocationCode, locationCode, StringComparison.Ordinal))
                && (orderLineId is null || l.OrderLineId == orderLineId))
            ?? throw new BusinessRuleException(
                $"{scanned} is not to be picked on this list{(locationCode is null ? string.Empty : $" at {locationCode}")}; "
                    + $"still to pick: {string.Join(", ", Expected().Select(e => $"{e.Remaining} × {e.Sku} at {e.LocationCode}"))}.",
                "not-on-pick-list",
                new Dictionary<string, object?> { ["scannedSkus"] = skus, ["expected"] = Expected().Select(e => new { sku = e.Sku, locationCode = e.LocationCode, remaining = e.Remaining }).ToList() });

        if (quantity > line.Remaining)
        {
            throw new BusinessRuleException(
                $"Line {line.OrderLineId} ({line.Sku} at {line.LocationCode}) has {line.Remaining} unit(s) left to pick, not {quantity}.",
                "over-pick",
                new Dictionary<string, object?> { ["orderLineId"] = line.OrderLineId, ["sku"] = line.Sku, ["locationCode"] = line.LocationCode, ["remaining"] = line.Remaining });
        }

        line.Pick(quantity);
        if (tag is not null)
        {
            _tags.Add(new PickListTag(Id, tag, line.OrderLineId, line.LocationCode, now));
        }

        CompleteWhenDone(now);
        Touch();
        return (line, false);
    }

    /// <summary>
    /// Ends the lines the order's change made moot (shipped, short-shipped or cancelled): they stop waiting for units
    /// and stop holding them, so what the order still needs there can go on a new list.
    /// </summary>
    public void End(Func<PickListLine, bool> which, DateTime now)
    {
        var ended = false;
        foreach (var line in _lines.Where(l => !l.Ended && which(l)))
        {
            line.End();
            ended = true;
        }

        if (ended)
        {
            CompleteWhenDone(now);
            Touch();
        }
    }

    private void CompleteWhenDone(DateTime now)
    {
        if (Status == PickListStatus.Open && _lines.All(l => l.Remaining == 0))
        {
            Status = PickListStatus.Completed;
            CompletedAt = now;
        }
    }

    /// <summary>What is still to pick per SKU and location, in walk order: what a wrong scan is told.</summary>
    private List<(string Sku, string LocationCode, int Remaining)> Expected() =>
        _lines.Where(l => l.Remaining > 0)
            .OrderBy(l => l.Position)
            .GroupBy(l => (l.LocationCode, l.Sku))
            .Select(g => (g.Key.Sku, g.Key.LocationCode, g.Sum(l => l.Remaining)))
            .ToList();
}
