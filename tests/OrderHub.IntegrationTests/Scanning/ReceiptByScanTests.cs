using System.Net;
using System.Net.Http.Json;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Scanning;

public sealed class ReceiptByScanTests(OrderHubApp app) : IntegrationTest(app)
{
    private const string Receipts = "/api/v1/returns/receipts";

    [Fact]
    public async Task Reading_an_items_epc_at_the_dock_receives_the_one_return_awaiting_its_sku()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        var rma = await ScannedCatalog.ApprovedReturnAsync(scenario, "JEANS", 2);
        await ScannedCatalog.ApprovedReturnAsync(scenario, "MUG");

        var received = await (await scenario.Staff.PostAsJsonAsync(Receipts, new { epc = ScannedCatalog.JeansEpc(4711) })).ShouldBeAsync(HttpStatusCode.Created);

        received.GetProperty("id").GetGuid().ShouldBe(ReturnScenario.Id(rma));
        received.GetProperty("status").GetString().ShouldBe("Received");
        var stock = await scenario.StockAsync("JEANS");
        stock.GetProperty("nonSellable").GetInt32().ShouldBe(2);
        stock.GetProperty("inboundReturns").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task An_epc_two_open_returns_await_is_refused_with_both_listed_and_receives_nothing()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        var first = await ScannedCatalog.ApprovedReturnAsync(scenario, "JEANS");
        var second = await ScannedCatalog.ApprovedReturnAsync(scenario, "JEANS");

        var problem = await (await scenario.Staff.PostAsJsonAsync(Receipts, new { epc = ScannedCatalog.JeansEpc(1) })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("rmaNumber").GetString())
            .ShouldBe([first.GetProperty("rmaNumber").GetString(), second.GetProperty("rmaNumber").GetString()], ignoreOrder: true);
        (await scenario.GetAsync(first)).GetProperty("status").GetString().ShouldBe("Approved");
        (await scenario.GetAsync(second)).GetProperty("status").GetString().ShouldBe("Approved");
        (await scenario.StockAsync("JEANS")).GetProperty("inboundReturns").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task An_epc_of_an_unknown_product_or_of_one_no_return_awaits_is_not_found()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        await ScannedCatalog.ApprovedReturnAsync(scenario, "MUG");

        var unknownProduct = Sgtin96.For(Gtin.Parse("5901234123457"), 7, 1, 1).Encode();
        await (await scenario.Staff.PostAsJsonAsync(Receipts, new { epc = unknownProduct })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Staff.PostAsJsonAsync(Receipts, new { epc = ScannedCatalog.JeansEpc(1) })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_tracking_number_on_the_label_receives_its_return()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        var rma = await ScannedCatalog.ApprovedReturnAsync(scenario, "SODA", 3);
        var trackingNumber = rma.GetProperty("trackingNumber").GetString()!;
        trackingNumber.ShouldStartWith("RT");
        var zpl = await (await scenario.Staff.GetAsync($"/api/v1/returns/{ReturnScenario.Id(rma)}/label?format=zpl")).Content.ReadAsStringAsync();
        zpl.ShouldContain($"^FD{trackingNumber}^FS");

        var received = await (await scenario.Staff.PostAsJsonAsync(Receipts, new { trackingNumber = trackingNumber.ToLowerInvariant() })).ShouldBeAsync(HttpStatusCode.Created);

        received.GetProperty("id").GetGuid().ShouldBe(ReturnScenario.Id(rma));
        received.GetProperty("status").GetString().ShouldBe("Received");
        received.GetProperty("trackingNumber").GetString().ShouldBe(trackingNumber);
        (await scenario.StockAsync("SODA")).GetProperty("nonSellable").GetInt32().ShouldBe(3);
        await (await scenario.Staff.PostAsJsonAsync(Receipts, new { trackingNumber })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_tracking_number_of_no_return_is_not_found()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        await ScannedCatalog.ApprovedReturnAsync(scenario, "SODA");

        await (await scenario.Staff.PostAsJsonAsync(Receipts, new { trackingNumber = "RT0000099998" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await scenario.Staff.PostAsJsonAsync(Receipts, new { trackingNumber = "RT0000000010" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_receipt_names_exactly_one_of_rma_number_epc_and_tracking_number()
    {
        using var scenario = await ScannedCatalog.StartAsync(App);
        var rma = await ScannedCatalog.ApprovedReturnAsync(scenario, "JEANS");
        var rmaNumber = rma.GetProperty("rmaNumber").GetString();

        foreach (var body in new object[]
        {
            new { },
            new { rmaNumber, epc = ScannedCatalog.JeansEpc(1) },
            new { rmaNumber, trackingNumber = rma.GetProperty("trackingNumber").GetString() },
        })
        {
            var problem = await (await scenario.Staff.PostAsJsonAsync(Receipts, body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").GetProperty("rmaNumber")[0].GetString()!.ShouldContain("exactly one");
        }

        var malformed = await (await scenario.Staff.PostAsJsonAsync(Receipts, new { epc = "3174257BF7194E4000001A85" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        malformed.GetProperty("errors").GetProperty("epc")[0].GetString()!.ShouldContain("not an SGTIN-96");
        (await scenario.GetAsync(rma)).GetProperty("status").GetString().ShouldBe("Approved");
    }
}
