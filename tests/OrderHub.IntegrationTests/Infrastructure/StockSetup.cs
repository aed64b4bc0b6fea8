using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>Creates warehouses, locations, SKUs and stock through the public API, as a back office would.</summary>
public static class StockSetup
{
    public static async Task WarehouseAsync(HttpClient staff, string code, params (string Code, string Type)[] locations)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/warehouses", new
        {
            code,
            name = $"Warehouse {code}",
            address = new { name = $"OrderHub {code}", line1 = "1 Dock Road", city = "Lyon", postalCode = "69001", country = "FR" },
        });
        await response.ShouldBeAsync(HttpStatusCode.Created);
        foreach (var (locationCode, type) in locations)
        {
            await (await staff.PostAsJsonAsync($"/api/v1/warehouses/{code}/locations", new { code = locationCode, type })).ShouldBeAsync(HttpStatusCode.Created);
        }
    }

    public static async Task SkuAsync(HttpClient staff, string sku, string category = "apparel", decimal unitPrice = 20m, bool returnable = true)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/skus", new { sku, name = $"Product {sku}", category, barcode = $"BC-{sku}", unitPrice, returnable });
        await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static async Task ReceiveAsync(HttpClient staff, string sku, string locationCode, int quantity)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku, locationCode, quantity, reference = "PO-1" });
        await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> StockAsync(HttpClient client, string sku) =>
        await (await client.GetAsync($"/api/v1/inventory/{sku}")).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>A warehouse with a pick location and stock for each SKU.</summary>
    public static async Task StockedAsync(HttpClient staff, string warehouse, params (string Sku, int Quantity)[] skus)
    {
        await WarehouseAsync(staff, warehouse, ($"{warehouse}-PICK", "Pick"), ($"{warehouse}-RET", "Returns"), ($"{warehouse}-DMG", "Damaged"),
            ($"{warehouse}-REF", "Refurbish"), ($"{warehouse}-RTV", "ReturnToVendor"), ($"{warehouse}-BULK", "Bulk"));
        foreach (var (sku, quantity) in skus)
        {
            await SkuAsync(staff, sku);
            if (quantity > 0)
            {
                await ReceiveAsync(staff, sku, $"{warehouse}-PICK", quantity);
            }
        }
    }
}
