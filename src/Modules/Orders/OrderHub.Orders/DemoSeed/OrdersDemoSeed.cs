using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Orders.CancelOrder;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.DeliverOrder;
using OrderHub.Orders.Persistence;
using OrderHub.Orders.PlaceOrder;
using OrderHub.Orders.GetOrderAllocations;
using OrderHub.Orders.ShipOrder;

namespace OrderHub.Orders.DemoSeed;

/// <summary>
/// Ninety days of trade on two storefronts: a few orders a day from some eighty customers (a loyal few order
/// again and again), shipped a day or so after they were placed and delivered a few days later, a handful
/// cancelled before they left. Every step runs at its own time, in time order, through the module's use cases.
/// </summary>
internal sealed class OrdersDemoSeed : IDemoSeedContributor
{
    private const int Days = 90;
    private const int CustomerCount = 80;
    private static readonly string[] Storefronts = ["shop-web", "shop-app"];
    private static readonly string[] Carriers = ["DHL", "PostNL", "DPD", "UPS"];

    private static readonly string[] FirstNames =
    [
        "Emma", "Liam", "Sophie", "Noah", "Julia", "Lucas", "Anna", "Milan", "Zoe", "Daan", "Léa", "Hugo", "Chloé", "Louis",
        "Maja", "Jakub", "Zofia", "Antoni", "Lena", "Felix", "Mia", "Jonas", "Hannah", "Elias", "Sara", "Oliver", "Amelia",
        "Mateo", "Nora", "Finn", "Ivy", "Leo", "Ada", "Theo", "Iris",
    ];

    private static readonly string[] LastNames =
    [
        "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Nowak",
        "Kowalska", "Wiśniewski", "Wójcik", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Murphy", "Walsh",
        "O'Brien", "Rossi", "Russo", "García", "Fernández", "Novak", "Horvat", "Lindqvist", "Berg",
    ];

    private static readonly (string City, string PostalCode, string Country, string Locale, string[] Streets)[] Cities =
    [
        ("Amsterdam", "1015 CJ", "NL", "en", ["Prinsengracht", "Westerstraat", "Haarlemmerdijk"]),
        ("Utrecht", "3511 LX", "NL", "en", ["Oudegracht", "Biltstraat"]),
        ("Paris", "75011", "FR", "fr", ["Rue Oberkampf", "Boulevard Voltaire", "Rue de la Roquette"]),
        ("Lyon", "69002", "FR", "fr", ["Rue Mercière", "Quai Saint-Antoine"]),
        ("Warszawa", "00-001", "PL", "pl", ["ul. Marszałkowska", "ul. Nowy Świat"]),
        ("Kraków", "31-008", "PL", "pl", ["ul. Floriańska", "ul. Grodzka"]),
        ("Berlin", "10115", "DE", "en", ["Torstraße", "Invalidenstraße", "Kastanienallee"]),
        ("Dublin", "D02 X285", "IE", "en", ["Camden Street", "Dame Street"]),
    ];

    public int Order => 30;

    public async Task<bool> HasDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<OrdersDbContext>().Orders.AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var random = context.Random;
        var catalogue = context.Get<IReadOnlyList<SkuInfo>>("inventory.skus");
        var customers = Enumerable.Range(0, CustomerCount).Select(i => NewCustomer(random, i)).ToList();
        var steps = new PriorityQueue<Func<Task>, DateTime>();
        var first = context.Today.Date.AddDays(-Days);
        for (var day = 0; day < Days; day++)
        {
            // Busier at weekends and towards the end, as a shop that is growing.
            var date = first.AddDays(day);
            var count = 2 + random.Next(0, 3) + (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0) + (day > 60 ? 1 : 0);
            for (var n = 0; n < count; n++)
            {
                var placedAt = date.AddHours(7 + random.Next(0, 15)).AddMinutes(random.Next(0, 60)).AddSeconds(random.Next(0, 60));
                if (placedAt >= context.Today)
                {
                    continue;
                }

                // The first customers are the regulars: a skewed pick gives them several orders each.
                var customer = customers[(int)(Math.Pow(random.NextDouble(), 1.8) * customers.Count)];
                var lines = PickLines(random, catalogue);
                var plan = new OrderPlan(customer, Storefronts[customer.Storefront], lines, random.Next(0, 100), random.Next(16, 40), random.Next(1, 5) * 24 + random.Next(-6, 6), random.Next(0, 1000), random.Next(100_000_000, int.MaxValue));
                steps.Enqueue(() => PlaceAsync(context, steps, plan, placedAt, cancellationToken), placedAt);
            }
        }

        while (steps.TryDequeue(out var step, out var at))
        {
            context.At(at);
            await step();
        }

        await context.DeliverEventsAsync(cancellationToken);
    }

    private async Task PlaceAsync(DemoSeedContext context, PriorityQueue<Func<Task>, DateTime> steps, OrderPlan plan, DateTime placedAt, CancellationToken cancellationToken)
    {
        var customer = plan.Customer;
        OrderDto order;
        try
        {
            order = await context.SendAsync(new PlaceOrderCommand(new PlaceOrderRequest(
                plan.Storefront,
                $"{plan.Storefront.ToUpperInvariant()}-{placedAt:yyMMdd}-{plan.Reference:D3}",
                new CustomerRequest(customer.Email, customer.Name, customer.Locale, customer.Segment),
                new AddressRequest(customer.Name, customer.Street, null, customer.City, customer.PostalCode, null, customer.Country),
                "EUR",
                plan.Lines.Select(l => new OrderLineRequest(l.Sku, l.Quantity, l.UnitPrice)).ToList())), cancellationToken);
        }
        catch (ConflictException)
        {
            // Sold out: a real shop would not have offered it; the demo just skips the order.
            return;
        }

        if (plan.Fate < 5)
        {
            steps.Enqueue(() => context.SendAsync(new CancelOrderCommand(order.Id, "Customer changed their mind before dispatch", null), cancellationToken), placedAt.AddHours(2 + (plan.Fate * 3)));
            return;
        }

        var shippedAt = placedAt.AddHours(plan.HoursToShip);
        if (shippedAt >= context.Today)
        {
            return;
        }

        steps.Enqueue(async () =>
        {
            // One parcel per warehouse the order's stock was allocated to, as a two-site shop ships it.
            var allocations = await context.SendAsync(new GetOrderAllocationsQuery(order.Id), cancellationToken);
            var parcels = allocations.Lines
                .SelectMany(line => line.Allocations.Select(a => (a.WarehouseCode, line.OrderLineId, a.Quantity)))
                .GroupBy(a => a.WarehouseCode)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            var carrier = Carriers[plan.Reference % Carriers.Length];
            for (var parcel = 0; parcel < parcels.Count; parcel++)
            {
                var lines = parcels[parcel]
                    .GroupBy(a => a.OrderLineId)
                    .Select(g => new ShipmentLineRequest(g.Key, g.Sum(a => a.Quantity)))
                    .ToList();
                await context.SendAsync(new ShipOrderCommand(order.Id, new ShipOrderRequest(
                    lines, carrier, $"{carrier[..2]}{plan.Tracking + parcel:D10}", parcels[parcel].Key), null), cancellationToken);
            }
            var deliveredAt = shippedAt.AddHours(Math.Max(20, plan.HoursToDeliver));
            if (deliveredAt < context.Today)
            {
                steps.Enqueue(() => context.SendAsync(new DeliverOrderCommand(order.Id, null, null), cancellationToken), deliveredAt);
            }
        }, shippedAt);
    }

    private static List<OrderLineRequest> PickLines(Random random, IReadOnlyList<SkuInfo> catalogue)
    {
        var lineCount = random.Next(0, 10) switch { < 5 => 1, < 8 => 2, _ => 3 };
        var lines = new List<OrderLineRequest>();
        while (lines.Count < lineCount)
        {
            var sku = catalogue[random.Next(0, catalogue.Count)];
            if (lines.Any(l => l.Sku == sku.Sku))
            {
                continue;
            }

            var quantity = sku.Category is "apparel" or "footwear" || random.Next(0, 4) > 0 ? 1 : 2;
            lines.Add(new OrderLineRequest(sku.Sku, quantity, sku.UnitPrice ?? 10m));
        }

        return lines;
    }

    private static Customer NewCustomer(Random random, int index)
    {
        var first = FirstNames[random.Next(0, FirstNames.Length)];
        var last = LastNames[random.Next(0, LastNames.Length)];
        var city = Cities[random.Next(0, Cities.Length)];
        var local = $"{Ascii(first)}.{Ascii(last)}{(index % 3 == 0 ? (index + 11).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}";
        return new Customer(
            $"{local}@example.com",
            $"{first} {last}",
            city.Locale,
            index < 12 ? "loyal" : "standard",
            $"{city.Streets[random.Next(0, city.Streets.Length)]} {random.Next(1, 240)}",
            city.City,
            city.PostalCode,
            city.Country,
            random.Next(0, 10) < 7 ? 0 : 1);
    }

    private static string Ascii(string name)
    {
        var decomposed = name.Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => char.IsAsciiLetter(c)).ToArray();
        return new string(kept).ToLowerInvariant();
    }

    private sealed record Customer(string Email, string Name, string Locale, string Segment, string Street, string City, string PostalCode, string Country, int Storefront);

    private sealed record OrderPlan(Customer Customer, string Storefront, IReadOnlyList<OrderLineRequest> Lines, int Fate, int HoursToShip, int HoursToDeliver, int Reference, int Tracking);
}
