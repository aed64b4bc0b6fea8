namespace OrderHub.LoadDriver;

/// <summary>Request bodies, shaped as the integration tests and docs/API.md describe them.</summary>
internal static class Requests
{
    public const string WarehouseCode = "BENCH";
    public const string PickLocation = "BENCH-PICK";

    public static object Warehouse() => new
    {
        code = WarehouseCode,
        name = "Benchmark warehouse",
        address = new { name = "OrderHub Bench", line1 = "1 Dock Road", city = "Lyon", postalCode = "69001", country = "FR" },
    };

    /// <summary>Every location type, so receipts, putaway and dispositions all find a home.</summary>
    public static IEnumerable<object> Locations() =>
        new[] { ("PICK", "Pick"), ("BULK", "Bulk"), ("RCV", "Receiving"), ("RET", "Returns"), ("QUA", "Quarantine"), ("DMG", "Damaged"), ("REF", "Refurbish"), ("RTV", "ReturnToVendor") }
            .Select(l => new { code = $"{WarehouseCode}-{l.Item1}", type = l.Item2 });

    public static object Sku(string sku) => new { sku, name = $"Product {sku}", category = "apparel", barcode = $"BC-{sku}", unitPrice = 19.99m, returnable = true };

    public static object Receipt(string sku, int quantity) => new { sku, locationCode = PickLocation, quantity, reference = "PO-BENCH" };

    public static object Order(string email, IEnumerable<string> skus, string? externalReference = null) => new
    {
        externalReference = externalReference ?? "BENCH-" + Guid.NewGuid().ToString("N")[..12],
        customer = new { email, name = "Ada Buyer", locale = "fr", segment = "loyal" },
        shippingAddress = new { name = "Ada Buyer", line1 = "3 rue de la Paix", city = "Paris", postalCode = "75002", country = "FR" },
        currency = "EUR",
        lines = skus.Select(sku => new { sku, quantity = 1, unitPrice = 19.99m }).ToArray(),
    };

    /// <summary>
    /// The benchmark's return policy: no automatic approval (every RMA waits for staff, so approve is a step of
    /// its own), returns land in the benchmark warehouse.
    /// </summary>
    public static object ReturnPolicy() => new
    {
        windowDays = 30,
        categoryWindowDays = new Dictionary<string, int>(),
        segmentExtensionDays = new Dictionary<string, int>(),
        nonReturnableCategories = Array.Empty<string>(),
        nonReturnableSkus = Array.Empty<string>(),
        restockingFeePercent = 10m,
        returnShippingFee = 4.99m,
        allowedResolutions = new[] { "Refund", "StoreCredit", "Exchange" },
        autoApproveMaxOrderValue = (decimal?)null,
        keepItThreshold = (decimal?)null,
        storeCreditBonusPercent = 10m,
        daysToShip = 14,
        returnWarehouseCode = WarehouseCode,
        serialReturnerThresholdPercent = 60m,
        serialReturnerLookbackOrders = 10,
        serialReturnerMinimumOrders = 3,
    };

    public static object Return(Guid orderId, Guid orderLineId) => new
    {
        orderId,
        lines = new[] { new { orderLineId, quantity = 1, reasonCode = "ChangedMind" } },
        resolution = "Refund",
    };

    public static object Inspection(Guid returnLineId) => new
    {
        lines = new[] { new { returnLineId, condition = "New", disposition = "Restock" } },
    };
}
