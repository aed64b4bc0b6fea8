using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Inventory.Contracts;

namespace OrderHub.IntegrationTests.Inventory;

public sealed class SkuTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_sku_is_created_with_its_master_data_and_read_back_with_an_etag()
    {
        using var driver = new InventoryDriver(App);
        var created = await (await driver.Client.PostAsJsonAsync("/api/v1/skus", new { sku = "TSHIRT-M", name = "T-shirt M", category = "apparel", barcode = "8712345678906", unitPrice = 12.50m }))
            .ShouldBeAsync(HttpStatusCode.Created);
        created.GetProperty("returnable").GetBoolean().ShouldBeTrue();

        var response = await driver.Client.GetAsync("/api/v1/skus/TSHIRT-M");
        var read = await response.ShouldBeAsync(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull();
        read.GetProperty("name").GetString().ShouldBe("T-shirt M");
        read.GetProperty("barcode").GetString().ShouldBe("8712345678906");
        read.GetProperty("unitPrice").GetDecimal().ShouldBe(12.50m);

        var infos = await driver.SendAsync(new GetSkusQuery(["TSHIRT-M", "UNKNOWN"]));
        infos.ShouldBe([new SkuInfo("TSHIRT-M", "T-shirt M", "apparel", "8712345678906", 12.50m, true)]);
    }

    [Fact]
    public async Task Skus_are_found_by_barcode_and_listed_by_category_page_by_page()
    {
        using var driver = new InventoryDriver(App);
        for (var i = 1; i <= 5; i++)
        {
            await driver.CreateSkuAsync($"SHOE-{i}", "shoes", barcode: $"400000000000{i}");
        }

        await (await driver.Client.PostAsJsonAsync("/api/v1/skus", new { sku = "GIFT-1", name = "Gift card", category = "gifts", returnable = false })).ShouldBeAsync(HttpStatusCode.Created);

        var byBarcode = await (await driver.Client.GetAsync("/api/v1/skus?barcode=4000000000003")).ShouldBeAsync(HttpStatusCode.OK);
        byBarcode.GetProperty("items").EnumerateArray().Single().GetProperty("sku").GetString().ShouldBe("SHOE-3");

        var shoes = await (await driver.Client.GetAsync("/api/v1/skus?category=shoes&page=2&pageSize=2")).ShouldBeAsync(HttpStatusCode.OK);
        shoes.GetProperty("totalCount").GetInt32().ShouldBe(5);
        shoes.GetProperty("page").GetInt32().ShouldBe(2);
        shoes.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()).ShouldBe(["SHOE-3", "SHOE-4"]);

        var gifts = await (await driver.Client.GetAsync("/api/v1/skus?category=gifts")).ShouldBeAsync(HttpStatusCode.OK);
        gifts.GetProperty("items")[0].GetProperty("returnable").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Duplicate_skus_or_barcodes_are_409_bad_input_is_400_and_unknown_skus_are_404()
    {
        using var driver = new InventoryDriver(App);
        await driver.CreateSkuAsync("SKU-A", barcode: "111");
        await (await driver.Client.PostAsJsonAsync("/api/v1/skus", new { sku = "SKU-A", name = "x", category = "y" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await driver.Client.PostAsJsonAsync("/api/v1/skus", new { sku = "SKU-B", name = "x", category = "y", barcode = "111" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var invalid = await (await driver.Client.PostAsJsonAsync("/api/v1/skus", new { sku = "has space", name = "", category = "y", unitPrice = -1m }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["sku", "name", "unitPrice"], ignoreOrder: true);
        await (await driver.Client.GetAsync("/api/v1/skus/NOPE")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await driver.SendAsync(new GetSkusQuery(["SKU-B"]))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Storefront_keys_may_read_skus_but_not_create_them()
    {
        using var storefront = await App.ClientForRoleAsync("storefront", "shop-eu");
        await (await storefront.PostAsJsonAsync("/api/v1/skus", new { sku = "SKU-S", name = "x", category = "y" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await storefront.GetAsync("/api/v1/skus")).ShouldBeAsync(HttpStatusCode.OK);
    }
}
