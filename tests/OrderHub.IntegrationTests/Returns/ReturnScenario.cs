using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Orders;

namespace OrderHub.IntegrationTests.Returns;

/// <summary>
/// What a return needs before it can start, done through the API as the back office would: a stocked
/// warehouse named on the return policy, orders placed, shipped and delivered, and the Returns module's copy
/// of each order caught up with its delivery.
/// </summary>
public sealed class ReturnScenario : IDisposable
{
    public const string Warehouse = "W";
    public const string Returns = "/api/v1/returns";
    public const decimal UnitPrice = 19.99m;

    private ReturnScenario(HttpClient staff) => Staff = staff;

    public HttpClient Staff { get; }

    /// <summary>Warehouse <see cref="Warehouse"/> with stock of each SKU, and a policy version that sends returns there.</summary>
    public static async Task<ReturnScenario> StartAsync(OrderHubApp app, params (string Sku, int Quantity)[] stock)
    {
        var scenario = new ReturnScenario(app.Admin());
        await StockSetup.StockedAsync(scenario.Staff, Warehouse, stock);
        await scenario.PolicyAsync(_ => { });
        return scenario;
    }

    public async Task SkuAsync(string sku, int quantity, string category = "apparel", bool returnable = true)
    {
        await StockSetup.SkuAsync(Staff, sku, category, returnable: returnable);
        await StockSetup.ReceiveAsync(Staff, sku, $"{Warehouse}-PICK", quantity);
    }

    /// <summary>Stores a new policy version: the one in force, sent to <see cref="Warehouse"/>, with <paramref name="change"/> applied.</summary>
    public async Task<JsonElement> PolicyAsync(Action<JsonObject> change)
    {
        var current = JsonNode.Parse((await (await Staff.GetAsync("/api/v1/return-policy")).ShouldBeAsync(HttpStatusCode.OK)).GetRawText())!.AsObject();
        current["returnWarehouseCode"] = Warehouse;
        change(current);
        return await (await Staff.PutAsJsonAsync("/api/v1/return-policy", current)).ShouldBeAsync(HttpStatusCode.OK);
    }

    public Task<DeliveredOrder> DeliveredOrderAsync(params (string Sku, int Quantity)[] lines) => DeliveredOrderAsync("buyer@example.com", "loyal", lines);

    /// <summary>
    /// Places, ships and delivers an order (delivered now by the application's clock) and waits until Returns knows
    /// it; every line costs <paramref name="unitPrice"/> when given, in <paramref name="currency"/> when given. An order
    /// allocated to several warehouses ships one shipment per warehouse, each SKU from its <paramref name="shipFrom"/>.
    /// </summary>
    public async Task<DeliveredOrder> DeliveredOrderAsync(
        string email, string? segment, (string Sku, int Quantity)[] lines, string? storefront = null, decimal? unitPrice = null, string? currency = null,
        IReadOnlyDictionary<string, string>? shipFrom = null)
    {
        var request = JsonSerializer.SerializeToNode(OrderRequests.CustomerOrder(email, storefront, segment, lines))!;
        if (currency is not null)
        {
            request["currency"] = currency;
        }

        if (unitPrice is { } price)
        {
            foreach (var line in request["lines"]!.AsArray())
            {
                line!["unitPrice"] = price;
            }
        }

        var order = await (await Staff.PostAsJsonAsync("/api/v1/orders", request)).ShouldBeAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var orderLines = order.GetProperty("lines").EnumerateArray().ToList();
        foreach (var shipment in orderLines.GroupBy(l => shipFrom?.GetValueOrDefault(l.GetProperty("sku").GetString()!)))
        {
            await (await Staff.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new
            {
                warehouseCode = shipment.Key,
                lines = shipment.Select(l => new { orderLineId = l.GetProperty("id").GetGuid(), quantity = l.GetProperty("quantity").GetInt32() }).ToArray(),
            })).ShouldBeAsync(HttpStatusCode.Created);
        }

        await (await Staff.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { })).ShouldBeAsync(HttpStatusCode.OK);
        await Eventually.HoldsAsync(async () =>
        {
            var response = await Staff.GetAsync($"/api/v1/orders/{id}/returnable-lines");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var known = await response.Content.ReadFromJsonAsync<JsonElement>();
            return known.EnumerateArray().All(l => l.GetProperty("deadline").ValueKind != JsonValueKind.Null
                && l.GetProperty("shippedQuantity").GetInt32() == l.GetProperty("orderedQuantity").GetInt32());
        }, "Returns learns that the order was delivered");
        return new DeliveredOrder(id, order.GetProperty("number").GetString()!, email,
            orderLines.ToDictionary(l => l.GetProperty("sku").GetString()!, l => l.GetProperty("id").GetGuid()));
    }

    public async Task<JsonElement> ReturnableLineAsync(DeliveredOrder order, string sku, HttpClient? client = null)
    {
        var lines = await (await (client ?? Staff).GetAsync($"/api/v1/orders/{order.Id}/returnable-lines")).ShouldBeAsync(HttpStatusCode.OK);
        return lines.EnumerateArray().Single(l => l.GetProperty("sku").GetString() == sku);
    }

    public Task<HttpResponseMessage> RequestAsync(
        DeliveredOrder order, string resolution, (string Sku, int Quantity, string Reason)[] lines, string? exchangeSku = null, HttpClient? client = null) =>
        (client ?? Staff).PostAsJsonAsync(Returns, new
        {
            orderId = order.Id,
            lines = lines.Select(l => new { orderLineId = order.LineIds[l.Sku], quantity = l.Quantity, reasonCode = l.Reason }).ToArray(),
            resolution,
            exchangeSku,
        });

    /// <summary>A return that the policy accepts: 201 and its body.</summary>
    public async Task<JsonElement> ReturnAsync(DeliveredOrder order, string resolution, (string Sku, int Quantity, string Reason)[] lines, string? exchangeSku = null) =>
        await (await RequestAsync(order, resolution, lines, exchangeSku)).ShouldBeAsync(HttpStatusCode.Created);

    public async Task<JsonElement> ApproveAsync(JsonElement rma) =>
        await (await Staff.PostAsync($"{Returns}/{Id(rma)}/approve", null)).ShouldBeAsync(HttpStatusCode.OK);

    /// <summary>The dock scan of the return's parcel.</summary>
    public Task<HttpResponseMessage> ScanAsync(JsonElement rma, HttpClient? client = null) =>
        (client ?? Staff).PostAsJsonAsync($"{Returns}/receipts", new { rmaNumber = rma.GetProperty("rmaNumber").GetString() });

    public async Task<JsonElement> ReceiveAsync(JsonElement rma) => await (await ScanAsync(rma)).ShouldBeAsync(HttpStatusCode.Created);

    /// <summary>Grades every line that was sent back alike.</summary>
    public async Task<JsonElement> InspectAsync(JsonElement rma, string condition, string disposition) =>
        await (await Staff.PostAsJsonAsync($"{Returns}/{Id(rma)}/inspection", new
        {
            lines = rma.GetProperty("lines").EnumerateArray().Where(l => !l.GetProperty("keepIt").GetBoolean())
                .Select(l => new { returnLineId = l.GetProperty("id").GetGuid(), condition, disposition }).ToArray(),
        })).ShouldBeAsync(HttpStatusCode.OK);

    public async Task<JsonElement> CancelAsync(JsonElement rma) =>
        await (await Staff.PostAsync($"{Returns}/{Id(rma)}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);

    public async Task<JsonElement> TimelineAsync(JsonElement rma, HttpClient? client = null) =>
        await (await (client ?? Staff).GetAsync($"{Returns}/{Id(rma)}/timeline")).ShouldBeAsync(HttpStatusCode.OK);

    public async Task<JsonElement> GetAsync(JsonElement rma) =>
        await (await Staff.GetAsync($"{Returns}/{Id(rma)}")).ShouldBeAsync(HttpStatusCode.OK);

    public Task<JsonElement> StockAsync(string sku) => StockSetup.StockAsync(Staff, sku);

    public static Guid Id(JsonElement rma) => rma.GetProperty("id").GetGuid();

    public void Dispose() => Staff.Dispose();

    /// <summary>A delivered order: its id, number, customer and the line id of each SKU.</summary>
    public sealed record DeliveredOrder(Guid Id, string Number, string Email, IReadOnlyDictionary<string, Guid> LineIds);
}
