using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Fulfilment;

/// <summary>Warehouses in several countries, orders shipped to a country, and where their units are allocated, through the API.</summary>
internal sealed class FulfilmentDriver(HttpClient staff)
{
    public HttpClient Staff { get; } = staff;

    /// <summary>A warehouse in <paramref name="country"/> with a Pick location <c>{code}-P1</c>, a second <c>{code}-P2</c> and a Bulk <c>{code}-B1</c>.</summary>
    public async Task WarehouseAsync(string code, string country, int? priority = null)
    {
        await (await Staff.PostAsJsonAsync("/api/v1/warehouses", new
        {
            code,
            name = $"Warehouse {code}",
            address = new { line1 = "1 Dock Road", city = "Somewhere", postalCode = "1000", country },
        })).ShouldBeAsync(HttpStatusCode.Created);
        foreach (var (location, type) in new[] { ($"{code}-P1", "Pick"), ($"{code}-P2", "Pick"), ($"{code}-B1", "Bulk") })
        {
            await (await Staff.PostAsJsonAsync($"/api/v1/warehouses/{code}/locations", new { code = location, type })).ShouldBeAsync(HttpStatusCode.Created);
        }

        if (priority is { } value)
        {
            await (await Staff.PutAsJsonAsync($"/api/v1/warehouses/{code}/priority", new { priority = value })).ShouldBeAsync(HttpStatusCode.OK);
        }
    }

    public async Task SkusAsync(params string[] skus)
    {
        foreach (var sku in skus)
        {
            await StockSetup.SkuAsync(Staff, sku);
        }
    }

    public Task ReceiveAsync(string sku, string location, int quantity) => StockSetup.ReceiveAsync(Staff, sku, location, quantity);

    public static object Order(string country, params (string Sku, int Quantity)[] lines) => new
    {
        customer = new { email = "buyer@example.com", name = "Ada Buyer" },
        shippingAddress = new { line1 = "3 Main Street", city = "Capital", postalCode = "1000", country },
        currency = "EUR",
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = 10m }).ToArray(),
    };

    public async Task<JsonElement> PlaceAsync(string country, params (string Sku, int Quantity)[] lines) =>
        await (await Staff.PostAsJsonAsync("/api/v1/orders", Order(country, lines))).ShouldBeAsync(HttpStatusCode.Created);

    public async Task<JsonElement> AllocationsAsync(Guid orderId) =>
        await (await Staff.GetAsync($"/api/v1/orders/{orderId}/allocations")).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>(warehouse, location, quantity) of every allocation of the order's line for <paramref name="sku"/>, in warehouse and location order.</summary>
    public async Task<List<(string Warehouse, string Location, int Quantity)>> AllocatedAsync(Guid orderId, string sku)
    {
        var line = (await AllocationsAsync(orderId)).GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == sku);
        return line.GetProperty("allocations").EnumerateArray()
            .Select(a => (a.GetProperty("warehouseCode").GetString()!, a.GetProperty("locationCode").GetString()!, a.GetProperty("quantity").GetInt32()))
            .ToList();
    }

    /// <summary>Reserved units of the SKU per location that holds any.</summary>
    public async Task<Dictionary<string, int>> ReservedByLocationAsync(string sku) =>
        (await StockSetup.StockAsync(Staff, sku)).GetProperty("locations").EnumerateArray()
            .Where(l => l.GetProperty("reserved").GetInt32() > 0)
            .ToDictionary(l => l.GetProperty("locationCode").GetString()!, l => l.GetProperty("reserved").GetInt32());

    /// <summary>On-hand units of the SKU per location.</summary>
    public async Task<Dictionary<string, int>> OnHandByLocationAsync(string sku) =>
        (await StockSetup.StockAsync(Staff, sku)).GetProperty("locations").EnumerateArray()
            .ToDictionary(l => l.GetProperty("locationCode").GetString()!, l => l.GetProperty("onHand").GetInt32());

    public Task<HttpResponseMessage> PostPickListAsync(string warehouse, object? request = null) =>
        Staff.PostAsJsonAsync($"/api/v1/warehouses/{warehouse}/pick-lists", request ?? new { });

    public async Task<JsonElement> PickListAsync(string warehouse, object? request = null) =>
        await (await PostPickListAsync(warehouse, request)).ShouldBeAsync(HttpStatusCode.Created);

    public async Task<JsonElement> GetPickListAsync(Guid id) =>
        await (await Staff.GetAsync($"/api/v1/pick-lists/{id}")).ShouldBeAsync(HttpStatusCode.OK);

    public Task<HttpResponseMessage> ScanAsync(Guid pickListId, object scan) => Staff.PostAsJsonAsync($"/api/v1/pick-lists/{pickListId}/scans", scan);

    /// <summary>(order, SKU, location, quantity, picked) of each line of a pick list, in the order the API gives them.</summary>
    public static List<(Guid Order, string Sku, string Location, int Quantity, int Picked)> PickLines(JsonElement list) =>
        list.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("orderId").GetGuid(), l.GetProperty("sku").GetString()!, l.GetProperty("locationCode").GetString()!,
                l.GetProperty("quantity").GetInt32(), l.GetProperty("pickedQuantity").GetInt32()))
            .ToList();

    public static Guid Id(JsonElement order) => order.GetProperty("id").GetGuid();

    public static Guid LineId(JsonElement order, string sku) =>
        order.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == sku).GetProperty("id").GetGuid();
}
