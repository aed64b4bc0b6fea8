using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderHub.BrowserTests.Infrastructure;

namespace OrderHub.BrowserTests.Backoffice;

/// <summary>
/// What the back-office tests start from, made through the public API like a shop would: a warehouse of its own (the
/// app is shared by the tests, so every code is unique), stock, a delivered order and the keys staff sign in with.
/// </summary>
public sealed class BackofficeScenario : IDisposable
{
    private BackofficeScenario(PortalApp app, string suffix)
    {
        App = app;
        Admin = app.Admin();
        Warehouse = $"W{suffix}";
        Sku = $"TEE-{suffix}";
    }

    public PortalApp App { get; }

    public HttpClient Admin { get; }

    public string Warehouse { get; }

    public string Sku { get; }

    public string PickLocation => $"{Warehouse}-PICK";

    public static async Task<BackofficeScenario> StartAsync(PortalApp app, int stock)
    {
        var scenario = new BackofficeScenario(app, Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());
        var admin = scenario.Admin;
        await OkAsync(admin.PostAsJsonAsync("/api/v1/warehouses", new
        {
            code = scenario.Warehouse,
            name = $"Warehouse {scenario.Warehouse}",
            address = new { name = "OrderHub returns", line1 = "1 Dock Road", city = "Lyon", postalCode = "69001", country = "FR" },
        }));
        await OkAsync(admin.PostAsJsonAsync("/api/v1/skus", new { sku = scenario.Sku, name = "Linen tee", category = "apparel", barcode = $"BC-{scenario.Sku}", unitPrice = 24.5m }));
        // The pick location is the SKU's pick face, so restocked returns go back there.
        foreach (var (suffix, type, sku) in new[] { ("PICK", "Pick", scenario.Sku), ("RET", "Returns", null), ("DMG", "Damaged", null), ("REF", "Refurbish", null), ("RTV", "ReturnToVendor", null) })
        {
            await OkAsync(admin.PostAsJsonAsync($"/api/v1/warehouses/{scenario.Warehouse}/locations", new { code = $"{scenario.Warehouse}-{suffix}", type, sku }));
        }

        if (stock > 0)
        {
            await scenario.ReceiveStockAsync(stock);
        }

        var policy = JsonNode.Parse(await OkAsync(admin.GetAsync("/api/v1/return-policy")))!.AsObject();
        policy["returnWarehouseCode"] = scenario.Warehouse;
        await OkAsync(admin.PutAsJsonAsync("/api/v1/return-policy", policy));
        return scenario;
    }

    public Task ReceiveStockAsync(int quantity) =>
        OkAsync(Admin.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku = Sku, locationCode = PickLocation, quantity, reference = "PO-1" }));

    /// <summary>An API key of the role, issued by the admin: its id and secret.</summary>
    public async Task<(Guid Id, string Key)> KeyAsync(string role, string? storefront = null)
    {
        var issued = JsonDocument.Parse(await OkAsync(Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"{role}-{Sku}", role, storefront }))).RootElement;
        return (issued.GetProperty("id").GetGuid(), issued.GetProperty("key").GetString()!);
    }

    /// <summary>
    /// A customer's return of one unit, made as the portal makes it: an order placed, shipped and delivered, then a
    /// portal session opened (by the storefront's key, here the admin's) with the order number and email, and the return
    /// requested by the customer with its token.
    /// </summary>
    public async Task<string> CustomerReturnAsync(string email, string reason)
    {
        var order = JsonDocument.Parse(await OkAsync(Admin.PostAsJsonAsync("/api/v1/orders", new
        {
            customer = new { email, name = "Ada Buyer", locale = "en" },
            shippingAddress = new { name = "Ada Buyer", line1 = "3 rue de la Paix", city = "Paris", postalCode = "75002", country = "FR" },
            currency = "EUR",
            lines = new[] { new { sku = Sku, quantity = 1, unitPrice = 24.5m } },
        }))).RootElement;
        var orderId = order.GetProperty("id").GetGuid();
        var lineId = order.GetProperty("lines")[0].GetProperty("id").GetGuid();
        await OkAsync(Admin.PostAsJsonAsync($"/api/v1/orders/{orderId}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 1 } } }));
        await OkAsync(Admin.PostAsJsonAsync($"/api/v1/orders/{orderId}/delivery", new { }));

        // Returns learns of the delivery from Orders' events: wait until the line may be returned.
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await Admin.GetAsync($"/api/v1/orders/{orderId}/returnable-lines");
            return response.IsSuccessStatusCode
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Any(l => l.GetProperty("eligible").GetBoolean());
        }, "the delivered order becomes returnable");

        using var customer = new HttpClient { BaseAddress = App.BaseAddress };
        var session = JsonDocument.Parse(await OkAsync(Admin.PostAsJsonAsync("/api/v1/portal/sessions", new { orderNumber = order.GetProperty("number").GetString(), email }))).RootElement;
        customer.DefaultRequestHeaders.Add("X-Portal-Token", session.GetProperty("token").GetString());
        var rma = JsonDocument.Parse(await OkAsync(customer.PostAsJsonAsync("/api/v1/returns", new
        {
            orderId,
            lines = new[] { new { orderLineId = lineId, quantity = 1, reasonCode = reason } },
            resolution = "Refund",
        }))).RootElement;
        rma.GetProperty("status").GetString().ShouldBe("Requested");
        return rma.GetProperty("rmaNumber").GetString()!;
    }

    public async Task<JsonElement> ReturnAsync(string rmaNumber)
    {
        var page = JsonDocument.Parse(await OkAsync(Admin.GetAsync($"/api/v1/returns?rmaNumber={Uri.EscapeDataString(rmaNumber)}"))).RootElement;
        return page.GetProperty("items")[0];
    }

    /// <summary>Approves, receives and restocks a return through the API, as another station would.</summary>
    public async Task CompleteAsync(string rmaNumber)
    {
        var id = (await ReturnAsync(rmaNumber)).GetProperty("id").GetGuid();
        await OkAsync(Admin.PostAsync($"/api/v1/returns/{id}/approve", null));
        await OkAsync(Admin.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber }));
        var rma = JsonDocument.Parse(await OkAsync(Admin.GetAsync($"/api/v1/returns/{id}"))).RootElement;
        await OkAsync(Admin.PostAsJsonAsync($"/api/v1/returns/{id}/inspection", new
        {
            lines = rma.GetProperty("lines").EnumerateArray().Select(l => new { returnLineId = l.GetProperty("id").GetGuid(), condition = "LikeNew", disposition = "Restock" }).ToArray(),
        }));
    }

    public void Dispose() => Admin.Dispose();

    private static async Task<string> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return body;
    }
}
