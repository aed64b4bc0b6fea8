using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.CreateSku;
using OrderHub.Inventory.Persistence;
using OrderHub.Inventory.ReceiveStock;
using OrderHub.Inventory.TransferStock;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Inventory.DemoSeed;

/// <summary>
/// The demo shop's catalogue (apparel and footwear in sizes, so exchanges have somewhere to go, accessories, home
/// goods and a gift card nobody can return), each SKU with a GTIN-13, and its opening stock: goods in at the dock
/// and put away to pick faces and bulk in Amsterdam, straight to the pick faces in Leipzig, a few damaged cartons
/// set aside in quarantine, and a replenishment half way through. Leaves the catalogue (<see cref="SkusFact"/>)
/// for the orders.
/// </summary>
internal sealed class InventoryDemoSeed : IDemoSeedContributor
{
    public const string SkusFact = "inventory.skus";
    private const string Actor = "demo-seed";
    private const string CompanyPrefix = "5901234";

    private static readonly (string Base, string Name, string Category, decimal Price, string[] Sizes)[] Products =
    [
        ("TEE-ORG-WHT", "Organic cotton crew tee, white", "apparel", 24.95m, ["S", "M", "L", "XL"]),
        ("TEE-ORG-NVY", "Organic cotton crew tee, navy", "apparel", 24.95m, ["S", "M", "L"]),
        ("HOOD-FLC-GRY", "Brushed fleece hoodie, heather grey", "apparel", 64.90m, ["S", "M", "L", "XL"]),
        ("JEAN-SLM-IND", "Slim-fit stretch jeans, indigo", "apparel", 79.00m, ["30", "32", "34"]),
        ("DRS-LIN-SGE", "Linen midi dress, sage", "apparel", 89.00m, ["S", "M"]),
        ("SNK-CNV-WHT", "Canvas low-top sneaker, off-white", "footwear", 69.95m, ["40", "41", "42", "43", "44"]),
        ("BOOT-CHL-BRN", "Leather Chelsea boot, brown", "footwear", 149.00m, ["41", "43"]),
        ("SOCK-MRN-3PK", "Merino hiking socks, 3-pack", "accessories", 14.95m, []),
        ("SOCK-BAM-ANK", "Bamboo ankle socks", "accessories", 6.95m, []),
        ("BEANIE-RIB-BLK", "Ribbed wool beanie, black", "accessories", 19.95m, []),
        ("BELT-LTH-BRN", "Full-grain leather belt, brown", "accessories", 39.00m, []),
        ("TOTE-CNV-NAT", "Heavy canvas tote bag, natural", "accessories", 16.50m, []),
        ("CAP-BSB-NVY", "Washed cotton baseball cap, navy", "accessories", 22.00m, []),
        ("SCARF-WOL-CML", "Lambswool scarf, camel", "accessories", 34.90m, []),
        ("MUG-STN-SND", "Stoneware mug, sand glaze", "home", 12.50m, []),
        ("CNDL-SOY-FIG", "Soy wax candle, fig and cedar", "home", 18.90m, []),
        ("THROW-WFL-OAT", "Waffle-knit cotton throw, oat", "home", 59.00m, []),
        ("CUSH-LIN-TER", "Linen cushion cover, terracotta", "home", 29.90m, []),
        ("GIFT-CARD-25", "Gift card, 25 EUR", "gift-cards", 25.00m, []),
    ];

    public int Order => 20;

    public async Task<bool> HasDataAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<InventoryDbContext>().Skus.AnyAsync(cancellationToken);

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var locations = context.Get<IReadOnlyList<LocationInfo>>("warehouse.locations");
        string Of(string warehouse, LocationType type, int index = 0)
        {
            var matching = locations.Where(l => l.WarehouseCode == warehouse && l.Type == type).OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
            return matching[index % matching.Count].Code;
        }

        var random = context.Random;
        context.At(context.Today.AddDays(-97).Date.AddHours(8));
        var skus = new List<SkuInfo>();
        foreach (var (product, size) in Products.SelectMany(p => p.Sizes.Length == 0 ? [(p, (string?)null)] : p.Sizes.Select(s => (p, (string?)s))))
        {
            var code = size is null ? product.Base : $"{product.Base}-{size}";
            var name = size is null ? product.Name : $"{product.Name}, size {size}";
            var barcode = Gtin13($"{CompanyPrefix}{skus.Count + 10001:D5}");
            var returnable = product.Category != "gift-cards";
            var created = await context.SendAsync(new CreateSkuCommand(code, name, product.Category, barcode, product.Price, returnable, LowStockThreshold: 5), cancellationToken);
            skus.Add(new SkuInfo(created.Sku, created.Name, created.Category, created.Barcode, created.UnitPrice, created.Returnable));
        }

        // Opening stock, a morning at each dock: most of it in Amsterdam, where returns come back to as well.
        context.At(context.Today.AddDays(-96).Date.AddHours(7));
        for (var i = 0; i < skus.Count; i++)
        {
            var sku = skus[i].Sku;
            context.At(context.Now.AddMinutes(random.Next(2, 9)));
            var delivered = 40 + random.Next(0, 40);
            await context.SendAsync(new ReceiveStockCommand(sku, Of("AMS1", LocationType.Receiving), delivered, $"PO-2026-{1040 + (i / 8)}", Actor), cancellationToken);
            var damaged = i % 7 == 3 ? 2 : 0;
            var toBulk = delivered / 3;
            await context.SendAsync(new TransferStockCommand(sku, Of("AMS1", LocationType.Receiving), Of("AMS1", LocationType.Pick, i), delivered - toBulk - damaged, Actor), cancellationToken);
            await context.SendAsync(new TransferStockCommand(sku, Of("AMS1", LocationType.Receiving), Of("AMS1", LocationType.Bulk, i), toBulk, Actor), cancellationToken);
            if (damaged > 0)
            {
                await context.SendAsync(new TransferStockCommand(sku, Of("AMS1", LocationType.Receiving), Of("AMS1", LocationType.Quarantine), damaged, Actor), cancellationToken);
            }
        }

        context.At(context.Today.AddDays(-95).Date.AddHours(9));
        for (var i = 0; i < skus.Count; i++)
        {
            context.At(context.Now.AddMinutes(random.Next(2, 9)));
            await context.SendAsync(new ReceiveStockCommand(skus[i].Sku, Of("LEJ1", LocationType.Pick, i), 15 + random.Next(0, 20), $"PO-2026-{1060 + (i / 8)}", Actor), cancellationToken);
        }

        context.Put<IReadOnlyList<SkuInfo>>(SkusFact, skus);
    }

    /// <summary>Appends the GS1 check digit to the twelve digits: weights 1 and 3 alternate from the left.</summary>
    internal static string Gtin13(string twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (twelveDigits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return twelveDigits + (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
