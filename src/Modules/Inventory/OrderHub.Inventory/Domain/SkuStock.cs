using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Domain.Events;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Domain;

/// <summary>
/// All stock of one SKU, loaded while the SKU is locked. Every change goes through here: it updates the
/// location's level and records the ledger movement together, so on-hand and reserved per location always
/// equal the sums of their movements, and it refuses any change that would make a figure negative. When a
/// step of the unit of work ends (<see cref="Complete"/>) it raises the domain events of what the step did.
/// </summary>
/// <remarks>
/// It is not an EF entity, so the save does not collect its events; <c>StockSession</c> hands them to the
/// mediator just before it saves, in the same transaction, as the save does for tracked aggregates. Raising them
/// on the tracked <see cref="Domain.Sku"/> instead would rewrite the SKU row on every stock change (ADR 0010).
/// </remarks>
internal sealed class SkuStock
{
    private readonly List<StockLevel> _levels;
    private readonly List<ExpectedReturn> _expectedReturns;
    private readonly Dictionary<(string Reference, string Location), int> _held;
    private readonly List<StockMovement> _movements = [];
    private readonly List<IDomainEvent> _domainEvents = [];
    private readonly string _actor;
    private readonly DateTime _now;
    private bool _expectedReturnsChanged;
    private RestockHistory? _restockHistory;

    public SkuStock(
        Sku sku,
        IEnumerable<StockLevel> levels,
        IEnumerable<ExpectedReturn> expectedReturns,
        IEnumerable<(string Reference, string Location, int Reserved)> held,
        string actor,
        DateTime now)
    {
        Sku = sku;
        _levels = levels.ToList();
        _expectedReturns = expectedReturns.ToList();
        _held = held.Where(h => h.Reserved != 0).ToDictionary(h => (h.Reference, h.Location), h => h.Reserved);
        _actor = actor;
        _now = now;
        AvailableBefore = Available;
    }

    public Sku Sku { get; }

    public string Code => Sku.Id;

    public IReadOnlyList<StockLevel> Levels => _levels;

    public IReadOnlyList<ExpectedReturn> ExpectedReturns => _expectedReturns;

    public IReadOnlyList<StockMovement> NewMovements => _movements;

    public bool Changed => _movements.Count > 0 || _expectedReturnsChanged;

    /// <summary>Raised and not yet handed on; see <see cref="Complete"/>.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public int AvailableBefore { get; }

    public int Available => _levels.Where(l => l.Sellable).Sum(l => l.Free);

    public int InboundReturns => _expectedReturns.Sum(r => r.Quantity);

    /// <summary>
    /// Whether the figures need the SKU's restock history, which is read only then: most stock changes are of SKUs
    /// with no return on its way back, and they pay nothing for it.
    /// </summary>
    public bool NeedsRestockHistory => InboundReturns > 0 && _restockHistory is null;

    /// <summary>The restock history saved before this change; the change's own putaways are added to it.</summary>
    public void UseRestockHistory(RestockHistory saved) => _restockHistory = saved;

    /// <summary>What <paramref name="reference"/> still holds reserved of this SKU.</summary>
    public int HeldBy(string reference) => _held.Where(h => h.Key.Reference == reference).Sum(h => h.Value);

    public StockMovement Receive(LocationInfo location, int quantity, MovementType type, string? reason, string? reference)
    {
        RequirePositive(quantity);
        return Change(LevelAt(location), quantity, 0, type, reason, reference);
    }

    public StockMovement Adjust(LocationInfo location, int quantityDelta, AdjustmentReason reason)
    {
        if (quantityDelta == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantityDelta), "An adjustment changes stock by at least one unit.");
        }

        return Change(LevelAt(location), quantityDelta, 0, MovementType.Adjustment, reason.ToString(), null);
    }

    /// <summary>Moves unreserved units between two locations: an out and an in movement.</summary>
    public IReadOnlyList<StockMovement> Move(LocationInfo from, LocationInfo to, int quantity, MovementType outType, MovementType inType, string? reason, string? reference)
    {
        RequirePositive(quantity);
        if (from.Code == to.Code)
        {
            throw new ArgumentException("Stock cannot move to the location it is in.", nameof(to));
        }

        var source = _levels.FirstOrDefault(l => l.LocationCode == from.Code)
            ?? throw new ConflictException($"Location {from.Code} holds no units of {Code}.", "insufficient-stock");
        return
        [
            Change(source, -quantity, 0, outType, reason, reference),
            Change(LevelAt(to), quantity, 0, inType, reason, reference),
        ];
    }

    /// <summary>What would be short if <paramref name="quantity"/> were reserved now; null when it fits.</summary>
    public StockShortage? ShortageFor(int quantity) =>
        Available >= quantity ? null : new StockShortage(Code, quantity, Available);

    /// <summary>Reserves from sellable locations, Pick before Bulk, then by location code.</summary>
    public void Reserve(int quantity, string reference)
    {
        RequirePositive(quantity);
        if (ShortageFor(quantity) is { } shortage)
        {
            throw new ConflictException($"Only {shortage.Available} unit(s) of {Code} are available; {quantity} requested.", "insufficient-stock");
        }

        var remaining = quantity;
        foreach (var level in _levels.Where(l => l.Sellable && l.Free > 0).OrderBy(l => l.LocationType).ThenBy(l => l.LocationCode, StringComparer.Ordinal).ToList())
        {
            var take = Math.Min(level.Free, remaining);
            Change(level, 0, take, MovementType.Reservation, null, reference);
            remaining -= take;
            if (remaining == 0)
            {
                break;
            }
        }
    }

    /// <summary>Free sellable units per location, what allocation chooses from.</summary>
    public IReadOnlyList<AllocationPlanner.Source> AllocationSources() =>
        _levels.Where(l => l.Sellable && l.Free > 0)
            .Select(l => new AllocationPlanner.Source(l.WarehouseCode, l.LocationCode, l.LocationType, l.Free))
            .ToList();

    /// <summary>Reserves units in one location, as allocation decided.</summary>
    public void ReserveAt(string locationCode, int quantity, string reference)
    {
        RequirePositive(quantity);
        var level = _levels.FirstOrDefault(l => l.LocationCode == locationCode && l.Sellable);
        if (level is null || level.Free < quantity)
        {
            throw new ConflictException($"Location {locationCode} has {level?.Free ?? 0} free unit(s) of {Code}; {quantity} cannot be reserved there.", "insufficient-stock");
        }

        Change(level, 0, quantity, MovementType.Reservation, null, reference);
    }

    /// <summary>Releases units the reference holds in one location.</summary>
    public void ReleaseAt(string reference, string locationCode, int quantity) =>
        Change(HeldAt(reference, locationCode, quantity, "released"), 0, -quantity, MovementType.Release, null, reference);

    /// <summary>Ships units the reference holds in one location: reserved and on-hand both drop there.</summary>
    public void ConsumeAt(string reference, string locationCode, int quantity) =>
        Change(HeldAt(reference, locationCode, quantity, "shipped"), -quantity, -quantity, MovementType.Shipment, null, reference);

    /// <summary>Releases <paramref name="quantity"/> units held by the reference, or all of them when null.</summary>
    public int Release(string reference, int? quantity)
    {
        var held = HeldBy(reference);
        var releasing = quantity ?? held;
        if (releasing > held)
        {
            throw new ConflictException($"Reference {reference} holds {held} reserved unit(s) of {Code}; {releasing} cannot be released.", "not-reserved");
        }

        TakeFromHeld(reference, releasing, (level, take) => Change(level, 0, -take, MovementType.Release, null, reference));
        return releasing;
    }

    /// <summary>Ships reserved units: reserved and on-hand both drop where the units were reserved.</summary>
    public void Consume(string reference, int quantity)
    {
        RequirePositive(quantity);
        var held = HeldBy(reference);
        if (quantity > held)
        {
            throw new ConflictException($"Reference {reference} holds {held} reserved unit(s) of {Code}; {quantity} cannot be shipped.", "not-reserved");
        }

        TakeFromHeld(reference, quantity, (level, take) => Change(level, -take, -take, MovementType.Shipment, null, reference));
    }

    public void ExpectReturn(string reference, int quantity)
    {
        RequirePositive(quantity);
        var expected = _expectedReturns.FirstOrDefault(r => r.Reference == reference);
        if (expected is null)
        {
            expected = ExpectedReturn.Create(reference, Code);
            _expectedReturns.Add(expected);
        }

        expected.Add(quantity);
        _expectedReturnsChanged = true;
    }

    public int CancelExpectedReturn(string reference)
    {
        var expected = _expectedReturns.FirstOrDefault(r => r.Reference == reference);
        var cancelled = expected?.Take(expected.Quantity) ?? 0;
        _expectedReturnsChanged |= cancelled > 0;
        return cancelled;
    }

    /// <summary>Returned units arrive in <paramref name="returnsLocation"/>; they stop counting as inbound.</summary>
    public StockMovement ReceiveReturn(string reference, LocationInfo returnsLocation, int quantity)
    {
        var movement = Receive(returnsLocation, quantity, MovementType.ReturnReceipt, null, reference);
        _expectedReturnsChanged |= _expectedReturns.FirstOrDefault(r => r.Reference == reference)?.Take(quantity) > 0;
        return movement;
    }

    public StockSnapshot Snapshot() => StockFigures.Snapshot(Code, _levels, InboundReturns, RestockHistoryNow());

    /// <remarks>Without a saved history (none loaded: <c>StockSession</c> loads it whenever it is needed) the prior applies.</remarks>
    private RestockHistory RestockHistoryNow() =>
        InboundReturns == 0 ? default : (_restockHistory ?? default).Plus(_movements);

    /// <summary>
    /// Ends a step of the unit of work. When anything changed since the stock was loaded, raises one
    /// <see cref="SkuStockChanged"/> with the figures after all of the step's changes (however many movements it
    /// wrote), and <see cref="SkuStockRanLow"/> when available stock fell to the low-stock threshold.
    /// </summary>
    public void Complete(string change, string? reference, DateTime now)
    {
        if (!Changed)
        {
            return;
        }

        _domainEvents.Add(new SkuStockChanged(Snapshot(), change, reference, now));
        if (Sku.FellToLowStock(AvailableBefore, Available))
        {
            _domainEvents.Add(new SkuStockRanLow(Code, Available, Sku.LowStockThreshold!.Value, now));
        }
    }

    public void ClearDomainEvents() => _domainEvents.Clear();

    private void TakeFromHeld(string reference, int quantity, Action<StockLevel, int> take)
    {
        var remaining = quantity;
        foreach (var ((_, location), reserved) in _held.Where(h => h.Key.Reference == reference).OrderBy(h => h.Key.Location, StringComparer.Ordinal).ToList())
        {
            if (remaining == 0)
            {
                break;
            }

            var units = Math.Min(reserved, remaining);
            take(_levels.Single(l => l.LocationCode == location), units);
            remaining -= units;
        }
    }

    private StockLevel HeldAt(string reference, string locationCode, int quantity, string verb)
    {
        RequirePositive(quantity);
        var held = _held.GetValueOrDefault((reference, locationCode));
        if (quantity > held)
        {
            throw new ConflictException($"Reference {reference} holds {held} reserved unit(s) of {Code} in {locationCode}; {quantity} cannot be {verb} there.", "not-reserved");
        }

        return _levels.Single(l => l.LocationCode == locationCode);
    }

    private StockMovement Change(StockLevel level, int onHandDelta, int reservedDelta, MovementType type, string? reason, string? reference)
    {
        level.Apply(onHandDelta, reservedDelta);
        if (reservedDelta != 0)
        {
            var key = (reference!, level.LocationCode);
            var held = _held.GetValueOrDefault(key) + reservedDelta;
            if (held == 0)
            {
                _held.Remove(key);
            }
            else
            {
                _held[key] = held;
            }
        }

        var movement = StockMovement.Record(Code, level.LocationCode, type, onHandDelta, reservedDelta, reason, reference, _actor, _now);
        _movements.Add(movement);
        return movement;
    }

    private StockLevel LevelAt(LocationInfo location)
    {
        var level = _levels.FirstOrDefault(l => l.LocationCode == location.Code);
        if (level is null)
        {
            level = StockLevel.Empty(Code, location);
            _levels.Add(level);
        }

        return level;
    }

    private static void RequirePositive(int quantity) =>
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
}
