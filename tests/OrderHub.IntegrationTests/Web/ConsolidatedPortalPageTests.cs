using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;
using static OrderHub.IntegrationTests.Web.PortalForms;

namespace OrderHub.IntegrationTests.Web;

/// <summary>
/// One return for items of several orders through the portal's pages: a session opened from one order shows the
/// customer's other orders in its storefront, and no one else's, and sends what was chosen from them as one RMA.
/// </summary>
public sealed partial class ConsolidatedPortalPageTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    [Fact]
    public async Task A_session_opened_from_one_order_shows_the_customers_other_orders_in_its_storefront_and_returns_items_of_both_in_one_rma()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("CAP", 10), ("HAT", 10));
        await scenario.PolicyAsync(p =>
        {
            p["autoApproveMaxOrderValue"] = 1000m;
            p["allowedResolutions"] = new JsonArray("Refund", "StoreCredit", "Exchange");
        });
        var opened = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 1)]);
        var other = await scenario.DeliveredOrderAsync("ada@example.com", null, [("CAP", 2)]);
        var otherShop = await scenario.DeliveredOrderAsync("ada@example.com", null, [("HAT", 1)], storefront: "us");
        var bobs = await scenario.DeliveredOrderAsync("bob@example.com", null, [("HAT", 1)]);
        using var browser = Browser();
        await OpenSessionAsync(browser, opened);

        var page = await (await browser.GetAsync("/returns/order")).ShouldBePageAsync(HttpStatusCode.OK);

        page.ShouldContain($"Items of order {opened.Number}");
        page.ShouldContain($"Items of order {other.Number}");
        page.ShouldContain($"id=\"quantity-{other.LineIds["CAP"]}\"");
        page.ShouldNotContain(otherShop.Number, customMessage: "an order of the same email in another storefront");
        page.ShouldNotContain(otherShop.LineIds["HAT"].ToString());
        page.ShouldNotContain(bobs.Number, customMessage: "another customer's order");
        page.ShouldNotContain(bobs.LineIds["HAT"].ToString());
        page.ShouldNotContain("<p class=\"meta\">HAT ", Case.Sensitive);

        var bobsLine = await (await PostFormAsync(browser, "/returns/order?handler=Create", "/returns/order",
            ("Lines[0].OrderLineId", bobs.LineIds["HAT"].ToString()), ("Lines[0].Quantity", "1"), ("Lines[0].Reason", "TooSmall"), ("Resolution", "Refund")))
            .ShouldBePageAsync(HttpStatusCode.BadRequest);
        bobsLine.ShouldContain("Choose at least one item to return.");

        (string, string)[] both =
        [
            ("Lines[0].OrderLineId", opened.LineIds["TEE"].ToString()), ("Lines[0].Quantity", "1"), ("Lines[0].Reason", "TooSmall"),
            ("Lines[1].OrderLineId", other.LineIds["CAP"].ToString()), ("Lines[1].Quantity", "2"), ("Lines[1].Reason", "Defective"),
        ];
        var exchange = await (await PostFormAsync(browser, "/returns/order?handler=Review", "/returns/order", [.. both, ("Resolution", "Exchange"), ("ExchangeSku", "TEE")]))
            .ShouldBePageAsync(HttpStatusCode.BadRequest);
        exchange.ShouldContain($"An exchange replaces items of one order, and you chose items of orders {opened.Number}, {other.Number}.");
        exchange.ShouldContain("id=\"resolution-Refund-error\"", customMessage: "the explanation sits next to the resolution choice");
        exchange.ShouldNotContain("data-testid=\"refund-estimate\"");

        var review = await (await PostFormAsync(browser, "/returns/order?handler=Review", "/returns/order", [.. both, ("Resolution", "Refund")]))
            .ShouldBePageAsync(HttpStatusCode.OK);
        review.ShouldContain("data-testid=\"refund-estimate\"");

        using var created = await PostFormAsync(browser, "/returns/order?handler=Create", "/returns/order", [.. both, ("Resolution", "Refund")]);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var rmaNumber = RmaNumber().Match(created.Headers.Location!.ToString()).Value;
        var list = await (await scenario.Staff.GetAsync($"{ReturnScenario.Returns}?rmaNumber={rmaNumber}")).ShouldBeAsync(HttpStatusCode.OK);
        var rma = await (await scenario.Staff.GetAsync($"{ReturnScenario.Returns}/{list.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid()}"))
            .ShouldBeAsync(HttpStatusCode.OK);
        rma.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("orderId").GetGuid(), l.GetProperty("quantity").GetInt32()))
            .ShouldBe([(opened.Id, 1), (other.Id, 2)], ignoreOrder: true);
        var all = await (await scenario.Staff.GetAsync(ReturnScenario.Returns)).ShouldBeAsync(HttpStatusCode.OK);
        all.GetProperty("totalCount").GetInt32().ShouldBe(1, "one RMA for both orders");

        var status = await (await browser.GetAsync(created.Headers.Location)).ShouldBePageAsync(HttpStatusCode.OK);
        OrderNumbers().Match(status).Groups[1].Value.ShouldBe($"{opened.Number}, {other.Number}");
        status.ShouldContain("data-testid=\"label-qr\"");
        var pdf = Path.Combine(Path.GetTempPath(), $"{rmaNumber}-{Guid.NewGuid():N}.pdf");
        try
        {
            using var label = await browser.GetAsync($"/returns/{rmaNumber}/label");
            label.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            await File.WriteAllBytesAsync(pdf, await label.Content.ReadAsByteArrayAsync());
            var text = await PdfText.ExtractAsync(pdf);
            text.ShouldContain(opened.Number);
            text.ShouldContain(other.Number);
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public async Task Each_line_on_the_page_is_judged_by_its_own_orders_window_and_a_closed_ones_reason_is_shown()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10), ("CAP", 10));
        await scenario.SkuAsync("BOOT", 10, category: "footwear");
        await scenario.PolicyAsync(p =>
        {
            p["windowDays"] = 14;
            p["categoryWindowDays"] = new JsonObject { ["footwear"] = 60 };
            p["autoApproveMaxOrderValue"] = 1000m;
        });
        var old = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 1), ("BOOT", 1)]);
        App.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await scenario.DeliveredOrderAsync("ada@example.com", null, [("CAP", 1)]);
        using var browser = Browser();
        await OpenSessionAsync(browser, recent);

        var page = await (await browser.GetAsync("/returns/order")).ShouldBePageAsync(HttpStatusCode.OK);

        page.ShouldContain($"Items of order {old.Number}");
        page.ShouldContain($"id=\"quantity-{recent.LineIds["CAP"]}\"");
        page.ShouldContain($"id=\"quantity-{old.LineIds["BOOT"]}\"", customMessage: "the old order's boots are within their 60-day window");
        page.ShouldNotContain($"id=\"quantity-{old.LineIds["TEE"]}\"", customMessage: "the old order's T-shirt is past its 14-day window");
        page.ShouldContain("The 14-day return window for this item closed on");

        var refused = await (await PostFormAsync(browser, "/returns/order?handler=Create", "/returns/order",
            ("Lines[0].OrderLineId", old.LineIds["TEE"].ToString()), ("Lines[0].Quantity", "1"), ("Lines[0].Reason", "TooSmall"),
            ("Lines[1].OrderLineId", recent.LineIds["CAP"].ToString()), ("Lines[1].Quantity", "1"), ("Lines[1].Reason", "TooSmall"),
            ("Resolution", "Refund"))).ShouldBePageAsync(HttpStatusCode.UnprocessableEntity);
        PageAssertions.AlertText(refused).ShouldContain("Some of these items can no longer be returned as chosen.");
        (await (await scenario.Staff.GetAsync(ReturnScenario.Returns)).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32().ShouldBe(0);

        using var created = await PostFormAsync(browser, "/returns/order?handler=Create", "/returns/order",
            ("Lines[0].OrderLineId", old.LineIds["BOOT"].ToString()), ("Lines[0].Quantity", "1"), ("Lines[0].Reason", "TooSmall"),
            ("Lines[1].OrderLineId", recent.LineIds["CAP"].ToString()), ("Lines[1].Quantity", "1"), ("Lines[1].Reason", "TooSmall"),
            ("Resolution", "StoreCredit"));

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        var status = await (await browser.GetAsync(created.Headers.Location)).ShouldBePageAsync(HttpStatusCode.OK);
        OrderNumbers().Match(status).Groups[1].Value.Split(", ").ShouldBe([old.Number, recent.Number], ignoreOrder: true);
    }

    private HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [GeneratedRegex("RMA-[0-9]+")]
    private static partial Regex RmaNumber();

    [GeneratedRegex("""data-testid="order-numbers">([^<]*)<""")]
    private static partial Regex OrderNumbers();
}
