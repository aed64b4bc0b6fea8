using MediatR;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Persistence;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Returns.Policies;

/// <summary>
/// Where an RMA's parcel goes, with the warehouse's address as it is now (looked up when asked, never copied
/// onto the RMA): the warehouse stamped on the RMA, or, when that names no warehouse (none was named, or the
/// code was stored before codes were checked), the one the policy in force names. A stale code therefore never
/// makes a label or a dock scan fail once the policy names a real warehouse.
/// </summary>
internal sealed class ReturnWarehouses(ReturnsDbContext db, CurrentPolicyCache policies, IMediator mediator)
{
    /// <summary>The warehouse and its current address, or null when neither the RMA nor the policy in force names one that exists.</summary>
    public Task<WarehouseAddress?> ForAsync(ReturnRequest rma, CancellationToken cancellationToken) =>
        ResolveAsync(rma, code => mediator.Send(new FindWarehouseAddressQuery(code), cancellationToken), cancellationToken);

    /// <summary>
    /// The code of the warehouse <see cref="ForAsync"/> finds, without its address: the dock scan needs only the code,
    /// and the cached list of warehouses (<see cref="GetWarehouseRanksQuery"/>, ADR 0026) says which codes exist
    /// without a round trip to the database.
    /// </summary>
    public async Task<string?> CodeForAsync(ReturnRequest rma, CancellationToken cancellationToken)
    {
        var warehouses = await mediator.Send(new GetWarehouseRanksQuery(), cancellationToken);
        return await ResolveAsync(rma, code => Task.FromResult(warehouses.Any(w => w.Code == code) ? code : null), cancellationToken);
    }

    /// <summary>The stamped warehouse when <paramref name="find"/> finds it, else the policy's when that is another one and found.</summary>
    private async Task<T?> ResolveAsync<T>(ReturnRequest rma, Func<string, Task<T?>> find, CancellationToken cancellationToken)
        where T : class
    {
        if (rma.WarehouseCode is { } stamped && await find(stamped) is { } found)
        {
            return found;
        }

        var inForce = (await policies.GetAsync(db, cancellationToken)).Rules.ReturnWarehouseCode;
        return inForce is null || inForce == rma.WarehouseCode ? null : await find(inForce);
    }

    /// <summary>
    /// Where a new return's parcel goes: the warehouse <paramref name="policy"/> pins, else the one that needs the
    /// returned units most by Inventory's figures (<see cref="ReturnRouting"/>). Nothing sent back: no parcel to route.
    /// </summary>
    public async Task<ReturnRoute> RouteAsync(ReturnPolicy policy, IReadOnlyList<StockLine> shippedBack, DateTime now, CancellationToken cancellationToken)
    {
        if (policy.Rules.ReturnWarehouseCode is { } pinned)
        {
            return ReturnRouting.Pinned(pinned, policy.Version);
        }

        if (shippedBack.Count == 0)
        {
            return new ReturnRoute(null, "nothing is sent back: the customer keeps every item");
        }

        var skus = shippedBack.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var availability = await mediator.Send(new GetWarehouseAvailabilityQuery(skus), cancellationToken);
        var shipments = await mediator.Send(new GetWarehouseShipmentsQuery(skus, now.AddDays(-ReturnRouting.SalesWindowDays)), cancellationToken);
        var ranks = await mediator.Send(new GetWarehouseRanksQuery(), cancellationToken);
        return ReturnRouting.ByNeed(shippedBack, availability, shipments, ranks.ToDictionary(r => r.Code, r => r.Priority, StringComparer.Ordinal));
    }

    /// <summary>422 naming <c>returnWarehouseCode</c> when <paramref name="rules"/> send returns to a warehouse that does not exist.</summary>
    public async Task RequireKnownAsync(PolicyRules rules, CancellationToken cancellationToken)
    {
        if (rules.ReturnWarehouseCode is { } code && await mediator.Send(new FindWarehouseAddressQuery(code), cancellationToken) is null)
        {
            const string field = "returnWarehouseCode";
            var message = $"No warehouse has the code '{code}'; create it first or name an existing warehouse in {field}.";
            throw new BusinessRuleException(message, "unknown-warehouse", new Dictionary<string, object?>
            {
                ["field"] = field,
                ["value"] = code,
                ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
            });
        }
    }
}
