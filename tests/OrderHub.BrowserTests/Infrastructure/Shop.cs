using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderHub.BrowserTests.Infrastructure;

/// <summary>
/// Seeds the running app through its public API with the admin key, as a back office would: a warehouse, a
/// T-shirt in three sizes, a mug of a category the policy does not take back, and delivered orders.
/// </summary>
public sealed class Shop(PortalApp app)
{
    public const string Warehouse = "WB";
    private readonly SemaphoreSlim _setup = new(1, 1);
    private bool _ready;

    public sealed record DeliveredOrder(Guid Id, string Number, string Email);

    /// <summary>A delivered order of two size-S T-shirts and a mug for a new customer.</summary>
    public Task<DeliveredOrder> DeliveredOrderAsync(string customer) =>
        DeliveredOrderForAsync($"{customer}.{Guid.NewGuid().ToString("N")[..8]}@example.com");

    /// <summary>Another delivered order of two size-S T-shirts and a mug for the customer of <paramref name="earlier"/>.</summary>
    public Task<DeliveredOrder> AnotherDeliveredOrderAsync(DeliveredOrder earlier) => DeliveredOrderForAsync(earlier.Email);

    private async Task<DeliveredOrder> DeliveredOrderForAsync(string email)
    {
        await EnsureCatalogueAsync();
        using var admin = app.Admin();
        var order = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/orders", new
        {
            customer = new { email, name = "Ada Buyer", locale = "en" },
            shippingAddress = new { name = "Ada Buyer", line1 = "3 rue de la Paix", city = "Paris", postalCode = "75002", country = "FR" },
            currency = "EUR",
            lines = new[] { new { sku = "TEE-S", quantity = 2, unitPrice = 29.90m }, new { sku = "MUG", quantity = 1, unitPrice = 12.50m } },
        }), HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new
        {
            lines = order.GetProperty("lines").EnumerateArray().Select(l => new { orderLineId = l.GetProperty("id").GetGuid(), quantity = l.GetProperty("quantity").GetInt32() }).ToArray(),
            carrier = "DHL",
        }), HttpStatusCode.Created);
        await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { }), HttpStatusCode.OK);

        // Returns learns of the delivery from an event; the portal is usable once it has.
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await admin.GetAsync($"/api/v1/orders/{id}/returnable-lines");
            return response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().All(l => l.GetProperty("deadline").ValueKind != JsonValueKind.Null);
        }, $"Returns learns of the delivery of {id}", TimeSpan.FromSeconds(30));

        return new DeliveredOrder(id, order.GetProperty("number").GetString()!, email);
    }

    /// <summary>A return created through the API (as staff), for the order's customer.</summary>
    public async Task<string> ReturnThroughApiAsync(DeliveredOrder order)
    {
        using var admin = app.Admin();
        var lines = await ReadAsync(await admin.GetAsync($"/api/v1/orders/{order.Id}/returnable-lines"), HttpStatusCode.OK);
        var tee = lines.EnumerateArray().First(l => l.GetProperty("sku").GetString() == "TEE-S").GetProperty("orderLineId").GetGuid();
        var rma = await ReadAsync(await admin.PostAsJsonAsync("/api/v1/returns", new
        {
            orderId = order.Id,
            lines = new[] { new { orderLineId = tee, quantity = 1, reasonCode = "TooLarge" } },
            resolution = "Refund",
        }), HttpStatusCode.Created);
        return rma.GetProperty("rmaNumber").GetString()!;
    }

    private async Task EnsureCatalogueAsync()
    {
        await _setup.WaitAsync();
        try
        {
            if (_ready)
            {
                return;
            }

            using var admin = app.Admin();
            await ReadAsync(await admin.PostAsJsonAsync("/api/v1/warehouses", new
            {
                code = Warehouse,
                name = "Lyon returns",
                address = new { name = "OrderHub Lyon", line1 = "1 Dock Road", city = "Lyon", postalCode = "69001", country = "FR" },
            }), HttpStatusCode.Created);
            foreach (var (code, type) in new[] { ($"{Warehouse}-PICK", "Pick"), ($"{Warehouse}-RET", "Returns") })
            {
                await ReadAsync(await admin.PostAsJsonAsync($"/api/v1/warehouses/{Warehouse}/locations", new { code, type }), HttpStatusCode.Created);
            }

            foreach (var (sku, name, category, quantity) in new[]
            {
                ("TEE-S", "Organic cotton T-shirt, size S", "apparel", 200),
                ("TEE-M", "Organic cotton T-shirt, size M", "apparel", 50),
                ("TEE-L", "Organic cotton T-shirt, size L", "apparel", 0),
                ("MUG", "Stoneware mug", "homeware", 200),
            })
            {
                await ReadAsync(await admin.PostAsJsonAsync("/api/v1/skus", new { sku, name, category, barcode = $"BC-{sku}", unitPrice = 29.90m, returnable = true }), HttpStatusCode.Created);
                if (quantity > 0)
                {
                    await ReadAsync(await admin.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku, locationCode = $"{Warehouse}-PICK", quantity, reference = "PO-1" }), HttpStatusCode.Created);
                }
            }

            await ReadAsync(await admin.PutAsJsonAsync("/api/v1/return-policy", new
            {
                windowDays = 30,
                categoryWindowDays = new Dictionary<string, int>(),
                segmentExtensionDays = new Dictionary<string, int>(),
                nonReturnableCategories = new[] { "homeware" },
                nonReturnableSkus = Array.Empty<string>(),
                restockingFeePercent = 10m,
                returnShippingFee = 4.99m,
                allowedResolutions = new[] { "Refund", "StoreCredit", "Exchange" },
                autoApproveMaxOrderValue = 1000m,
                keepItThreshold = (decimal?)null,
                storeCreditBonusPercent = 10m,
                daysToShip = 14,
                returnWarehouseCode = Warehouse,
                serialReturnerThresholdPercent = 100m,
                serialReturnerLookbackOrders = 10,
                serialReturnerMinimumOrders = 1000,
            }), HttpStatusCode.OK);
            _ready = true;
        }
        finally
        {
            _setup.Release();
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(expected, body);
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
