using OrderHub.Inventory.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.Domain;

/// <summary>
/// Decides where an order's units are reserved (ADR 0026), from the free sellable stock of the locked SKUs. The
/// caller has checked that every SKU has enough in total, so some set of warehouses always ships everything.
/// </summary>
internal static class AllocationPlanner
{
    /// <summary>Combinations tried before falling back to a greedy choice; far above any real number of warehouses.</summary>
    private const int SearchBudget = 20_000;

    /// <summary>Free sellable units of a SKU in one location.</summary>
    public sealed record Source(string WarehouseCode, string LocationCode, LocationType Type, int Free);

    public static List<StockAllocation> Plan(
        IReadOnlyList<(string Sku, int Quantity)> wanted,
        IReadOnlyDictionary<string, IReadOnlyList<Source>> sources,
        IReadOnlyList<WarehouseRank> ranks,
        string? shipToCountry)
    {
        var rankOf = ranks.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var free = sources
            .SelectMany(s => s.Value.Select(source => (Sku: s.Key, source.WarehouseCode, source.Free)))
            .GroupBy(x => (x.WarehouseCode, x.Sku))
            .ToDictionary(g => g.Key, g => g.Sum(x => x.Free));
        var candidates = free.Keys.Select(k => k.WarehouseCode).Distinct(StringComparer.Ordinal)
            .OrderBy(code => rankOf.TryGetValue(code, out var rank) ? rank.Priority : WarehouseRank.DefaultPriority)
            .ThenBy(code => rankOf.TryGetValue(code, out var rank) && string.Equals(rank.Country, shipToCountry, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(code => code, StringComparer.Ordinal)
            .ToList();

        int FreeIn(string warehouse, string sku) => free.GetValueOrDefault((warehouse, sku));

        var chosen = FewestWarehouses(candidates, wanted, FreeIn);
        var plan = new List<StockAllocation>();
        foreach (var (sku, quantity) in wanted)
        {
            var holders = chosen.Where(w => FreeIn(w, sku) > 0).ToList();
            var fewest = 0;
            for (var covered = 0; covered < quantity; fewest++)
            {
                covered += holders.Select(w => FreeIn(w, sku)).OrderDescending().ElementAt(fewest);
            }

            var from = Combinations(holders.Count, fewest)
                .Select(indexes => indexes.Select(i => holders[i]).ToList())
                .First(set => set.Sum(w => FreeIn(w, sku)) >= quantity);

            var remaining = quantity;
            foreach (var warehouse in from)
            {
                foreach (var source in sources[sku]
                    .Where(s => s.WarehouseCode == warehouse && s.Free > 0)
                    .OrderBy(s => s.Type).ThenByDescending(s => s.Free).ThenBy(s => s.LocationCode, StringComparer.Ordinal))
                {
                    var take = Math.Min(source.Free, remaining);
                    if (take == 0)
                    {
                        break;
                    }

                    plan.Add(new StockAllocation(sku, warehouse, source.LocationCode, take));
                    remaining -= take;
                }
            }
        }

        return plan;
    }

    /// <summary>
    /// The smallest set of warehouses that holds every wanted unit; among sets of that size the first in rank order
    /// (best-ranked first member, then second, ...).
    /// </summary>
    private static List<string> FewestWarehouses(List<string> ranked, IReadOnlyList<(string Sku, int Quantity)> wanted, Func<string, string, int> freeIn)
    {
        bool Ships(IEnumerable<string> set)
        {
            var members = set as IReadOnlyCollection<string> ?? set.ToList();
            return wanted.All(w => members.Sum(m => freeIn(m, w.Sku)) >= w.Quantity);
        }

        var tried = 0;
        for (var size = 1; size <= ranked.Count; size++)
        {
            foreach (var indexes in Combinations(ranked.Count, size))
            {
                if (++tried > SearchBudget)
                {
                    return Greedy(ranked, wanted, freeIn);
                }

                var set = indexes.Select(i => ranked[i]).ToList();
                if (Ships(set))
                {
                    return set;
                }
            }
        }

        return ranked;
    }

    /// <summary>Adds the warehouse that covers most of what is still missing (best ranked on a tie) until all is covered.</summary>
    private static List<string> Greedy(List<string> ranked, IReadOnlyList<(string Sku, int Quantity)> wanted, Func<string, string, int> freeIn)
    {
        var missing = wanted.ToDictionary(w => w.Sku, w => w.Quantity, StringComparer.Ordinal);
        var set = new List<string>();
        while (missing.Values.Any(m => m > 0))
        {
            var best = ranked.Where(w => !set.Contains(w))
                .MaxBy(w => missing.Sum(m => Math.Min(m.Value, freeIn(w, m.Key))))!;
            set.Add(best);
            foreach (var sku in missing.Keys.ToList())
            {
                missing[sku] = Math.Max(0, missing[sku] - freeIn(best, sku));
            }
        }

        return ranked.Where(set.Contains).ToList();
    }

    /// <summary>Every choice of <paramref name="size"/> indexes below <paramref name="count"/>, in lexicographic order.</summary>
    private static IEnumerable<int[]> Combinations(int count, int size)
    {
        if (size > count || size == 0)
        {
            yield break;
        }

        var indexes = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return (int[])indexes.Clone();
            var i = size - 1;
            while (i >= 0 && indexes[i] == count - size + i)
            {
                i--;
            }

            if (i < 0)
            {
                yield break;
            }

            indexes[i]++;
            for (var j = i + 1; j < size; j++)
            {
                indexes[j] = indexes[j - 1] + 1;
            }
        }
    }
}
