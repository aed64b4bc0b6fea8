using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Scanning;

/// <summary>
/// A return scenario whose catalogue carries real GTIN barcodes, printed in different lengths as shops store them,
/// with stock of each SKU in the return warehouse.
/// </summary>
internal static class ScannedCatalog
{
    /// <summary>The GTIN-14 of the Tag Data Standard's SGTIN example (company prefix 0614141, indicator 8, item 12345).</summary>
    public const string JeansGtin = "80614141123458";

    public static readonly (string Sku, string Barcode)[] Skus =
    [
        ("JEANS", JeansGtin),
        ("MUG", "4006381333931"),
        ("SODA", "036000291452"),
        ("GUM", "96385074"),
        ("TEE", "INT-TEE-01"),
    ];

    public static async Task<ReturnScenario> StartAsync(OrderHubApp app, int unitsEach = 20)
    {
        var scenario = await ReturnScenario.StartAsync(app);
        foreach (var (sku, barcode) in Skus)
        {
            await (await scenario.Staff.PostAsJsonAsync("/api/v1/skus", new { sku, name = $"Product {sku}", category = "apparel", barcode, unitPrice = 20m }))
                .ShouldBeAsync(HttpStatusCode.Created);
            await StockSetup.ReceiveAsync(scenario.Staff, sku, $"{ReturnScenario.Warehouse}-PICK", unitsEach);
        }

        return scenario;
    }

    /// <summary>The EPC an RFID tag on one pair of jeans would carry.</summary>
    public static string JeansEpc(long serial) => Sgtin96.For(Gtin.Parse(JeansGtin), 7, serial, 1).Encode();

    /// <summary>An approved return of <paramref name="quantity"/> units of <paramref name="sku"/> from a new delivered order.</summary>
    public static async Task<JsonElement> ApprovedReturnAsync(ReturnScenario scenario, string sku, int quantity = 1)
    {
        var order = await scenario.DeliveredOrderAsync((sku, quantity));
        return await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [(sku, quantity, "TooSmall")]));
    }
}
