using System.Net;
using System.Text.Json;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Scanning;

public sealed class ScanTests(OrderHubApp app) : IntegrationTest(app)
{
    private static async Task<JsonElement> ScanAsync(HttpClient client, string code) =>
        await (await client.GetAsync($"/api/v1/scan/{Uri.EscapeDataString(code)}")).ShouldBeAsync(HttpStatusCode.OK);

    [Fact]
    public async Task A_sku_code_and_catalogue_barcodes_in_any_gtin_length_resolve_to_their_sku()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);

        var sku = await ScanAsync(scenario.Staff, "MUG");
        sku.GetProperty("kind").GetString().ShouldBe("Sku");
        sku.GetProperty("sku").GetString().ShouldBe("MUG");
        sku.GetProperty("gtin").GetString().ShouldBe("04006381333931");

        foreach (var (code, expected) in new[] { ("4006381333931", "MUG"), ("04006381333931", "MUG"), ("036000291452", "SODA"), ("0036000291452", "SODA"), ("00036000291452", "SODA"), ("96385074", "GUM"), ("00000096385074", "GUM"), (ScannedCatalog.JeansGtin, "JEANS") })
        {
            var gtin = await ScanAsync(scenario.Staff, code);
            gtin.GetProperty("kind").GetString().ShouldBe("Gtin", code);
            gtin.GetProperty("sku").GetString().ShouldBe(expected, code);
            gtin.GetProperty("gtin").GetString().ShouldBe(Gtin.Parse(code).Value, code);
        }

        var internalCode = await ScanAsync(scenario.Staff, "INT-TEE-01");
        internalCode.GetProperty("kind").GetString().ShouldBe("Barcode");
        internalCode.GetProperty("sku").GetString().ShouldBe("TEE");
    }

    [Fact]
    public async Task An_epc_whose_gtin_is_a_catalogue_barcode_resolves_to_the_sku_and_the_item_serial()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);

        var epc = await ScanAsync(scenario.Staff, "3074257bf7194e4000001a85");

        epc.GetProperty("kind").GetString().ShouldBe("Epc");
        epc.GetProperty("sku").GetString().ShouldBe("JEANS");
        epc.GetProperty("gtin").GetString().ShouldBe(ScannedCatalog.JeansGtin);
        epc.GetProperty("serial").GetString().ShouldBe("6789");
        epc.GetProperty("epcUri").GetString().ShouldBe("urn:epc:id:sgtin:0614141.812345.6789");
        epc.GetProperty("filter").GetInt32().ShouldBe(3);
        epc.GetProperty("companyPrefix").GetString().ShouldBe("0614141");
        epc.GetProperty("itemReference").GetString().ShouldBe("812345");
    }

    [Fact]
    public async Task An_rma_number_and_the_label_tracking_number_resolve_to_the_return()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        var rma = await ScannedCatalog.ApprovedReturnAsync(scenario, "MUG");
        var rmaNumber = rma.GetProperty("rmaNumber").GetString()!;
        var trackingNumber = rma.GetProperty("trackingNumber").GetString()!;

        var byRma = await ScanAsync(scenario.Staff, rmaNumber.ToLowerInvariant());
        byRma.GetProperty("kind").GetString().ShouldBe("Rma");
        byRma.GetProperty("rmaNumber").GetString().ShouldBe(rmaNumber);
        byRma.GetProperty("returnId").GetGuid().ShouldBe(rma.GetProperty("id").GetGuid());
        byRma.GetProperty("returnStatus").GetString().ShouldBe("Approved");

        var byTracking = await ScanAsync(scenario.Staff, trackingNumber);
        byTracking.GetProperty("kind").GetString().ShouldBe("TrackingNumber");
        byTracking.GetProperty("rmaNumber").GetString().ShouldBe(rmaNumber);
        byTracking.GetProperty("returnId").GetGuid().ShouldBe(rma.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_gtin_with_a_wrong_check_digit_or_an_epc_that_is_not_an_sgtin_is_refused_with_the_reason()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);

        var badGtin = await (await scenario.Staff.GetAsync("/api/v1/scan/4006381333932")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        badGtin.GetProperty("detail").GetString()!.ShouldContain("check digit");
        badGtin.GetProperty("detail").GetString()!.ShouldContain("should be 1");

        var notSgtin = await (await scenario.Staff.GetAsync("/api/v1/scan/3174257BF7194E4000001A85")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        notSgtin.GetProperty("detail").GetString()!.ShouldContain("not an SGTIN-96");

        var partition7 = await (await scenario.Staff.GetAsync("/api/v1/scan/307C257BF7194E4000001A85")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        partition7.GetProperty("detail").GetString()!.ShouldContain("Partition value 7");
    }

    [Fact]
    public async Task A_code_that_names_nothing_is_not_found()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);

        foreach (var code in new[] { "NO-SUCH-THING", "RMA-999999", "RT0000099998", "5901234123457", Sgtin96.For(Gtin.Parse("5901234123457"), 7, 1, 1).Encode() })
        {
            await (await scenario.Staff.GetAsync($"/api/v1/scan/{code}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Only_back_office_keys_may_scan()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        using var storefront = await App.ClientForRoleAsync("storefront", "shop-1");
        using var partner = await App.ClientForRoleAsync("partner");
        using var staff = await App.ClientForRoleAsync("staff");

        (await storefront.GetAsync("/api/v1/scan/MUG")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await partner.GetAsync("/api/v1/scan/MUG")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = App.Anonymous();
        (await anonymous.GetAsync("/api/v1/scan/MUG")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ScanAsync(staff, "MUG")).GetProperty("sku").GetString().ShouldBe("MUG");
    }
}
