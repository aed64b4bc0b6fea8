using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Demo;

/// <summary>The demo shop seeded on a first start against an empty database, checked through the API.</summary>
public sealed class DemoSeedTests(DemoSeedTests.SeededApp app) : IClassFixture<DemoSeedTests.SeededApp>
{
    private static readonly string[] Statuses = ["Requested", "Approved", "Rejected", "Received", "Completed", "Cancelled", "Expired"];

    [Fact]
    public async Task Seeding_an_empty_database_builds_two_warehouses_with_every_location_type_and_a_catalogue_with_valid_barcodes()
    {
        using var admin = app.Admin();
        foreach (var warehouse in new[] { "AMS1", "LEJ1" })
        {
            var locations = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/warehouses/{warehouse}/locations");
            var types = Items(locations).Select(l => l.GetProperty("type").GetString()).Distinct().ToList();
            types.ShouldBe(Enum.GetNames<OrderHub.Warehouse.Contracts.LocationType>(), ignoreOrder: true);
        }

        var skus = await SkusAsync(admin);
        skus.Count.ShouldBeInRange(30, 40);
        skus.Select(s => s.GetProperty("category").GetString()).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        foreach (var sku in skus)
        {
            IsGtin13(sku.GetProperty("barcode").GetString()!).ShouldBeTrue(sku.GetProperty("sku").GetString());
        }
    }

    [Fact]
    public async Task Seeding_places_hundreds_of_orders_spread_over_the_past_months_and_returns_in_every_state()
    {
        using var admin = app.Admin();
        var created = new List<DateTime>();
        var emails = new HashSet<string>();
        for (var page = 1; ; page++)
        {
            var body = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/orders?page={page}&pageSize=200");
            var items = Items(body).ToList();
            created.AddRange(items.Select(o => o.GetProperty("createdAt").GetDateTime()));
            emails.UnionWith(items.Select(o => o.GetProperty("customerEmail").GetString()!));
            if (items.Count < 200)
            {
                break;
            }
        }

        created.Count.ShouldBeGreaterThanOrEqualTo(200);
        (created.Max() - created.Min()).TotalDays.ShouldBeGreaterThanOrEqualTo(60);
        created.Max().ShouldBeLessThanOrEqualTo(DateTime.UtcNow);
        emails.Count.ShouldBeInRange(40, 100);
        emails.Count.ShouldBeLessThan(created.Count);

        foreach (var status in Statuses)
        {
            var returns = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/returns?status={status}");
            returns.GetProperty("totalCount").GetInt32().ShouldBeGreaterThan(0, $"no {status} return");
        }

        var completed = Items(await admin.GetFromJsonAsync<JsonElement>("/api/v1/returns?status=Completed&pageSize=200")).ToList();
        completed.Select(r => r.GetProperty("resolution").GetString()).Distinct().ShouldBe(["Refund", "StoreCredit", "Exchange"], ignoreOrder: true);

        var policy = await admin.GetFromJsonAsync<JsonElement>("/api/v1/return-policy");
        policy.GetProperty("returnWarehouseCode").GetString().ShouldBe("AMS1");
    }

    [Fact]
    public async Task Every_seeded_stock_figure_equals_the_sum_of_its_ledger_movements()
    {
        using var admin = app.Admin();
        foreach (var sku in (await SkusAsync(admin)).Select(s => s.GetProperty("sku").GetString()!))
        {
            var stock = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/inventory/{sku}");
            var movements = new List<JsonElement>();
            for (var page = 1; ; page++)
            {
                var items = Items(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/inventory/{sku}/movements?page={page}&pageSize=200")).ToList();
                movements.AddRange(items);
                if (items.Count < 200)
                {
                    break;
                }
            }

            stock.GetProperty("onHand").GetInt32().ShouldBe(movements.Sum(m => m.GetProperty("quantity").GetInt32()), sku);
            stock.GetProperty("reserved").GetInt32().ShouldBe(movements.Sum(m => m.GetProperty("reservedDelta").GetInt32()), sku);
        }
    }

    [Fact]
    public async Task The_printed_admin_key_works_and_the_printed_order_opens_a_portal_session_with_returnable_lines()
    {
        var key = app.Printed("Admin API key");
        using (var demoAdmin = app.ClientWithKey(key))
        {
            (await demoAdmin.GetAsync("/api/v1/api-keys")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        app.Printed("Back office").ShouldEndWith("/backoffice");
        app.Printed("Returns portal").ShouldEndWith("/returns");
        var portal = app.Printed("Try the returns portal with order").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (number, email) = (portal[0], portal[^1]);
        using var admin = app.Admin();
        var session = await admin.PostAsJsonAsync("/api/v1/portal/sessions", new { orderNumber = number, email });
        session.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        using var customer = app.Anonymous();
        var order = Items(await admin.GetFromJsonAsync<JsonElement>($"/api/v1/orders?customerEmail={Uri.EscapeDataString(email)}&pageSize=200"))
            .Single(o => o.GetProperty("number").GetString() == number);
        customer.DefaultRequestHeaders.Add("X-Portal-Token", token);
        var lines = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/returnable-lines");
        lines.EnumerateArray().ShouldContain(l => l.GetProperty("eligible").GetBoolean() && l.GetProperty("returnableQuantity").GetInt32() > 0);
    }

    private static async Task<List<JsonElement>> SkusAsync(HttpClient admin) =>
        Items(await admin.GetFromJsonAsync<JsonElement>("/api/v1/skus?pageSize=200")).ToList();

    private static IEnumerable<JsonElement> Items(JsonElement body) =>
        body.ValueKind == JsonValueKind.Array ? body.EnumerateArray() : body.GetProperty("items").EnumerateArray();

    internal static bool IsGtin13(string code)
    {
        if (code.Length != 13 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (code[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return (10 - (sum % 10)) % 10 == code[12] - '0';
    }

    /// <summary>The app asked to seed the demo on its first start, with what it logs at Information kept.</summary>
    public sealed class SeededApp : OrderHubApp
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public SeededApp()
        {
            Set("OrderHub:Demo:Seed", "true");
            Set("Logging:LogLevel:OrderHub.Api.DemoSeed", "Information");
        }

        /// <summary>The value of the summary line that starts with <paramref name="label"/>.</summary>
        public string Printed(string label)
        {
            var line = _lines.FirstOrDefault(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Nothing printed for '{label}'; printed: {string.Join(" | ", _lines)}");
            return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new LineCapture(_lines)));
        }
    }

    private sealed class LineCapture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == "OrderHub.Api.DemoSeed" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
