using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory;
using OrderHub.Inventory.Contracts;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>Drives the Inventory and Warehouse APIs the way a back office would, plus the contracts other modules use.</summary>
public sealed class InventoryDriver(OrderHubApp app) : IDisposable
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public HttpClient Client { get; } = app.Admin();

    public async Task CreateWarehouseAsync(string code)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/warehouses", new
        {
            code,
            name = $"Warehouse {code}",
            address = new { line1 = "Dockweg 1", city = "Amsterdam", postalCode = "1000 AA", country = "NL" },
        });
        await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public async Task AddLocationAsync(string warehouse, string code, string type, string? sku = null) =>
        await (await Client.PostAsJsonAsync($"/api/v1/warehouses/{warehouse}/locations", new { code, type, sku })).ShouldBeAsync(HttpStatusCode.Created);

    public async Task CreateSkuAsync(string sku, string category = "shoes", string? barcode = null, int? lowStockThreshold = null) =>
        await (await Client.PostAsJsonAsync("/api/v1/skus", new { sku, name = $"Product {sku}", category, barcode, unitPrice = 19.95m, lowStockThreshold }))
            .ShouldBeAsync(HttpStatusCode.Created);

    /// <summary>Warehouse W1 with one location of every type (W1-PICK is the pick face of <paramref name="pickFaceSku"/>) and SKU-A.</summary>
    public async Task SeedAsync(string pickFaceSku = "SKU-A")
    {
        await CreateWarehouseAsync("W1");
        await AddLocationAsync("W1", "W1-PICK", "Pick", pickFaceSku);
        await AddLocationAsync("W1", "W1-BULK", "Bulk");
        await AddLocationAsync("W1", "W1-RECV", "Receiving");
        await AddLocationAsync("W1", "W1-RET", "Returns");
        await AddLocationAsync("W1", "W1-QUAR", "Quarantine");
        await AddLocationAsync("W1", "W1-DMG", "Damaged");
        await AddLocationAsync("W1", "W1-REFURB", "Refurbish");
        await AddLocationAsync("W1", "W1-RTV", "ReturnToVendor");
        await CreateSkuAsync("SKU-A");
    }

    public Task<HttpResponseMessage> ReceiveAsync(string sku, string location, int quantity, string? reference = null) =>
        Client.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku, locationCode = location, quantity, reference });

    public Task<HttpResponseMessage> AdjustAsync(string sku, string location, int quantityDelta, string reason = "Correction") =>
        Client.PostAsJsonAsync("/api/v1/inventory/adjustments", new { sku, locationCode = location, quantityDelta, reason });

    public Task<HttpResponseMessage> TransferAsync(string sku, string from, string to, int quantity) =>
        Client.PostAsJsonAsync("/api/v1/inventory/transfers", new { sku, fromLocationCode = from, toLocationCode = to, quantity });

    public async Task ReceiveOkAsync(string sku, string location, int quantity) =>
        await (await ReceiveAsync(sku, location, quantity)).ShouldBeAsync(HttpStatusCode.Created);

    public async Task<StockSnapshot> StockAsync(string sku)
    {
        var response = await Client.GetAsync($"/api/v1/inventory/{sku}");
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<StockSnapshot>(Json))!;
    }

    /// <summary>The whole ledger of the SKU, newest first, read page by page.</summary>
    public async Task<List<StockMovementDto>> MovementsAsync(string sku)
    {
        var all = new List<StockMovementDto>();
        for (var page = 1; ; page++)
        {
            var result = await Client.GetFromJsonAsync<PagedResult<StockMovementDto>>($"/api/v1/inventory/{sku}/movements?page={page}&pageSize=200", Json);
            all.AddRange(result!.Items);
            if (all.Count >= result.TotalCount || result.Items.Count == 0)
            {
                return all;
            }
        }
    }

    /// <summary>
    /// The ledger invariants: per location on-hand and reserved equal the sums of their movements and never go
    /// negative; available = sellable on-hand − reserved; totals add up.
    /// </summary>
    public async Task<StockSnapshot> ShouldBalanceAsync(string sku)
    {
        var stock = await StockAsync(sku);
        var movements = await MovementsAsync(sku);
        foreach (var location in stock.Locations)
        {
            var own = movements.Where(m => m.LocationCode == location.LocationCode).ToList();
            own.Sum(m => m.Quantity).ShouldBe(location.OnHand, $"on-hand of {location.LocationCode} is the sum of its movements");
            own.Sum(m => m.ReservedDelta).ShouldBe(location.Reserved, $"reserved of {location.LocationCode} is the sum of its movements");
            location.OnHand.ShouldBeGreaterThanOrEqualTo(0);
            location.Reserved.ShouldBeInRange(0, location.OnHand);
            location.Available.ShouldBeGreaterThanOrEqualTo(0);
        }

        movements.Select(m => m.LocationCode).Distinct().ShouldAllBe(code => stock.Locations.Any(l => l.LocationCode == code));
        var sellable = stock.Locations.Where(l => l.Type == OrderHub.Warehouse.Contracts.LocationType.Pick || l.Type == OrderHub.Warehouse.Contracts.LocationType.Bulk).ToList();
        stock.Available.ShouldBe(sellable.Sum(l => l.OnHand) - stock.Reserved);
        stock.Available.ShouldBeGreaterThanOrEqualTo(0);
        stock.OnHand.ShouldBe(stock.Locations.Sum(l => l.OnHand));
        stock.Reserved.ShouldBe(stock.Locations.Sum(l => l.Reserved));
        stock.NonSellable.ShouldBe(stock.OnHand - sellable.Sum(l => l.OnHand));
        movements.Select(m => m.Id).ShouldBe(movements.Select(m => m.Id).OrderByDescending(id => id), "newest first");
        return stock;
    }

    /// <summary>Sends a command the way another module does: through the mediator, in its own scope and unit of work.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Outbox rows of the Inventory module for an integration event type.</summary>
    public async Task<List<OutboxMessage>> OutboxAsync<TEvent>()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(InventoryModule.Descriptor.DbContextType);
        var type = typeof(TEvent).FullName;
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Type == type).OrderBy(m => m.OccurredAt).ToListAsync();
    }

    public void Dispose() => Client.Dispose();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
