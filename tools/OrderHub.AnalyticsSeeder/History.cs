using OrderHub.Orders.Contracts;
using OrderHub.Returns.Contracts;

namespace OrderHub.AnalyticsSeeder;

/// <summary>A return as Returns would list it to a rebuild: its snapshot, and the money of its settlement once completed.</summary>
internal sealed record ReturnCase(ReturnSnapshot Return, bool Settled, decimal? RefundAmount, decimal? StoreCreditAmount);

/// <summary>
/// A reproducible trading history ending now: delivered orders over the days, a catalogue of SKUs in categories (a
/// few unknown to it), customers with a home storefront and segment, and returns of some of those orders with
/// reasons, resolutions, stage times and, once completed, dispositions. Popular SKUs and frequent customers are
/// skewed the way shops are; return propensity depends on the category.
/// </summary>
internal sealed class History
{
    private static readonly string[] CategoryNames =
    [
        "apparel", "shoes", "outerwear", "lingerie", "swimwear", "accessories", "bags", "jewellery", "kids", "sports",
        "home", "kitchen", "beauty", "electronics", "toys", "garden", "books", "stationery", "pets", "gifts",
    ];

    // Base share of sold units that come back, per category (fashion high, hard goods low).
    private static readonly double[] CategoryReturnRates =
    [
        0.30, 0.28, 0.22, 0.20, 0.24, 0.10, 0.12, 0.08, 0.15, 0.14,
        0.07, 0.06, 0.05, 0.09, 0.06, 0.05, 0.03, 0.03, 0.06, 0.05,
    ];

    private static readonly (string Name, int Weight)[] Storefronts = [("eu", 50), ("us", 35), ("uk", 15)];
    private static readonly (string? Name, int Weight)[] Segments = [(null, 35), ("regular", 30), ("loyal", 15), ("new", 12), ("vip", 5), ("wholesale", 3)];
    private static readonly (int Lines, int Weight)[] LinesPerOrder = [(1, 20), (2, 25), (3, 20), (4, 15), (5, 12), (6, 8)];
    private static readonly (int Quantity, int Weight)[] Quantities = [(1, 80), (2, 15), (3, 5)];

    private static readonly (ReturnReason Reason, int Weight)[] Reasons =
    [
        (ReturnReason.TooSmall, 18), (ReturnReason.TooLarge, 15), (ReturnReason.NotAsDescribed, 12), (ReturnReason.Damaged, 8),
        (ReturnReason.Defective, 8), (ReturnReason.WrongItem, 5), (ReturnReason.ArrivedLate, 4), (ReturnReason.ChangedMind, 22), (ReturnReason.Other, 8),
    ];

    private static readonly (ReturnResolution Resolution, int Weight)[] Resolutions =
        [(ReturnResolution.Refund, 60), (ReturnResolution.StoreCredit, 25), (ReturnResolution.Exchange, 15)];

    private static readonly (Disposition Disposition, int Weight)[] Dispositions =
        [(Disposition.Restock, 70), (Disposition.Refurbish, 15), (Disposition.Dispose, 10), (Disposition.ReturnToVendor, 5)];

    private History(DateTime now, Dictionary<string, string> categories, List<DeliveredOrderFact> orders, List<ReturnCase> returns)
    {
        Now = now;
        Categories = categories;
        Orders = orders;
        Returns = returns;
    }

    public DateTime Now { get; }

    /// <summary>The catalogue's category of each SKU it knows (what Inventory's GetSkusQuery would answer).</summary>
    public IReadOnlyDictionary<string, string> Categories { get; }

    public IReadOnlyList<DeliveredOrderFact> Orders { get; }

    public IReadOnlyList<ReturnCase> Returns { get; }

    public static History Generate(SeedOptions options, DateTime now)
    {
        var random = new Random(options.RandomSeed);
        var today = DateOnly.FromDateTime(now);
        var firstDay = today.AddDays(1 - options.Days);

        var skus = Enumerable.Range(1, options.Skus).Select(i => $"SKU-{i:D5}").ToArray();
        var skuCategory = skus.Select(_ => random.Next(CategoryNames.Length)).ToArray();
        var skuPrice = skus.Select(_ => Math.Round(5m + (decimal)random.NextDouble() * 195m, 2)).ToArray();
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < skus.Length; i++)
        {
            // About one SKU in a hundred is missing from the catalogue: it counts under (none).
            if (random.Next(100) != 0)
            {
                categories[skus[i]] = CategoryNames[skuCategory[i]];
            }
        }

        var customers = Enumerable.Range(1, options.Customers)
            .Select(i => (Email: $"customer-{i:D6}@shop.example", Storefront: Pick(random, Storefronts), Segment: Pick(random, Segments)))
            .ToArray();

        var orders = new List<DeliveredOrderFact>(options.OrderLines / 3 + 1);
        var skuOfLine = new List<int[]>(options.OrderLines / 3 + 1);
        var lines = 0;
        while (lines < options.OrderLines)
        {
            var count = Math.Min(Pick(random, LinesPerOrder), options.OrderLines - lines);
            var picked = new HashSet<int>();
            while (picked.Count < count)
            {
                picked.Add(Skewed(random, skus.Length, 1.6));
            }

            var customer = customers[Skewed(random, customers.Length, 1.4)];
            // A customer now and then buys on another storefront than their usual one.
            var storefront = random.Next(20) == 0 ? Pick(random, Storefronts) : customer.Storefront;
            var day = firstDay.AddDays(random.Next(options.Days));
            var deliveredAt = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(random.Next(86_400));
            if (deliveredAt > now)
            {
                deliveredAt = now.AddSeconds(-random.Next(3_600));
            }

            var skuIndexes = picked.ToArray();
            orders.Add(new DeliveredOrderFact(
                orders.Count + 1,
                Guid.CreateVersion7(),
                storefront,
                customer.Email,
                customer.Segment,
                deliveredAt,
                skuIndexes.Select(s => new DeliveredOrderLineFact(skus[s], Pick(random, Quantities))).ToList()));
            skuOfLine.Add(skuIndexes);
            lines += count;
        }

        var returns = new List<ReturnCase>(options.Returns);
        var returned = new HashSet<int>();
        var attempts = 0L;
        while (returns.Count < options.Returns)
        {
            if (++attempts > 100L * options.Returns)
            {
                throw new InvalidOperationException($"Only {returns.Count} of {options.Returns} returns fit the history: too few orders.");
            }

            var index = random.Next(orders.Count);
            var order = orders[index];
            var requestedAt = order.DeliveredAt.AddHours(2 + random.NextDouble() * 28 * 24);
            if (requestedAt > now || returned.Contains(index))
            {
                continue;
            }

            // Lines come back by their category's propensity (scaled up: only some orders see a return at all).
            var returnLines = new List<ReturnLineSnapshot>();
            for (var l = 0; l < order.Lines.Count; l++)
            {
                if (random.NextDouble() < Math.Min(0.9, CategoryReturnRates[skuCategory[skuOfLine[index][l]]] * 2.5))
                {
                    var line = order.Lines[l];
                    var quantity = 1 + random.Next(line.Quantity);
                    returnLines.Add(new ReturnLineSnapshot(line.Sku, quantity, Pick(random, Reasons), random.Next(33) == 0, null, null, skuPrice[skuOfLine[index][l]] * quantity));
                }
            }

            if (returnLines.Count == 0)
            {
                continue;
            }

            returned.Add(index);
            returns.Add(Return(random, now, order, requestedAt, returnLines, returns.Count + 1));
        }

        return new History(now, categories, orders, returns);
    }

    /// <summary>Walks a return through its stages from the request until it ends or reaches now.</summary>
    private static ReturnCase Return(Random random, DateTime now, DeliveredOrderFact order, DateTime requestedAt, List<ReturnLineSnapshot> lines, int number)
    {
        var resolution = Pick(random, Resolutions);
        DateTime? approvedAt = null, receivedAt = null, completedAt = null;
        var status = ReturnStatus.Requested;
        var ending = random.Next(100);
        var approval = requestedAt.AddHours(0.25 + random.NextDouble() * random.NextDouble() * 72);
        if (ending < 4)
        {
            status = approval <= now ? ReturnStatus.Rejected : ReturnStatus.Requested;
        }
        else if (approval <= now)
        {
            approvedAt = approval;
            status = ReturnStatus.Approved;
            var receipt = approval.AddDays(2 + random.NextDouble() * 10);
            if (ending < 7)
            {
                status = approval.AddDays(1) <= now ? ReturnStatus.Cancelled : ReturnStatus.Approved;
            }
            else if (ending < 10)
            {
                status = approval.AddDays(14) <= now ? ReturnStatus.Expired : ReturnStatus.Approved;
            }
            else if (receipt <= now)
            {
                receivedAt = receipt;
                status = ReturnStatus.Received;
                var completion = receipt.AddHours(1 + random.NextDouble() * random.NextDouble() * 120);
                if (completion <= now)
                {
                    completedAt = completion;
                    status = ReturnStatus.Completed;
                }
            }
        }

        var settled = status == ReturnStatus.Completed;
        if (settled)
        {
            lines = lines
                .Select(l => l.KeepIt ? l : l with { Condition = ItemCondition.New, Disposition = Pick(random, Dispositions) })
                .ToList();
        }

        var value = lines.Sum(l => l.RefundAmount);
        var snapshot = new ReturnSnapshot(
            Guid.CreateVersion7(),
            $"RMA-{number:D7}",
            status,
            order.OrderId,
            $"ORD-{order.Sequence:D7}",
            order.Storefront,
            order.CustomerEmail,
            "Shop Customer",
            "en",
            resolution,
            resolution == ReturnResolution.Exchange ? lines[0].Sku : null,
            "EUR",
            value,
            approvedAt?.AddDays(14),
            lines,
            requestedAt,
            approvedAt,
            receivedAt,
            completedAt);
        return new ReturnCase(
            snapshot,
            settled,
            settled && resolution == ReturnResolution.Refund ? value : null,
            settled && resolution == ReturnResolution.StoreCredit ? Math.Round(value * 1.1m, 2) : null);
    }

    /// <summary>An index in [0, count) where low indexes are more likely: the popular SKUs, the frequent customers.</summary>
    private static int Skewed(Random random, int count, double skew) =>
        Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), skew)));

    private static T Pick<T>(Random random, (T Value, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return weighted[^1].Value;
    }
}
