using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;
using static OrderHub.IntegrationTests.Web.PortalForms;

namespace OrderHub.IntegrationTests.Web;

/// <summary>
/// The hosted returns portal over HTTP, as a browser without script sends it: status codes of its routes, the
/// anti-forgery check on every form, the portal session cookie and what one session can see.
/// </summary>
public sealed partial class PortalPageTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_start_page_is_an_html_form_with_an_antiforgery_token_in_the_language_asked_for()
    {
        using var browser = Browser();

        var english = await (await browser.GetAsync("/returns")).ShouldBePageAsync(HttpStatusCode.OK);
        english.ShouldContain("<html lang=\"en\"");
        PageAssertions.AntiforgeryToken(english).ShouldNotBeNullOrWhiteSpace();

        (await (await browser.GetAsync("/returns?lang=fr")).ShouldBePageAsync(HttpStatusCode.OK)).ShouldContain("<html lang=\"fr\"");
        using var polish = new HttpRequestMessage(HttpMethod.Get, "/returns");
        polish.Headers.AcceptLanguage.ParseAdd("pl-PL,pl;q=0.9");
        using var plainBrowser = Browser();
        (await (await plainBrowser.SendAsync(polish)).ShouldBePageAsync(HttpStatusCode.OK)).ShouldContain("Zwróć produkt");
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_opens_no_session()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE-S", 5));
        var order = await scenario.DeliveredOrderAsync($"csrf-{Guid.NewGuid():N}@example.com", null, [("TEE-S", 1)]);
        using var browser = Browser();

        using var response = await browser.PostAsync("/returns", Form(("OrderNumber", order.Number), ("Email", order.Email)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeFalse(string.Join("; ", cookies ?? []));
        (await browser.GetAsync("/returns/order")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "no session was opened");
    }

    [Fact]
    public async Task The_start_form_answers_400_for_missing_fields_and_404_for_an_unknown_order_or_another_email_alike()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE-S", 5));
        var order = await scenario.DeliveredOrderAsync($"start-{Guid.NewGuid():N}@example.com", null, [("TEE-S", 1)]);
        using var browser = Browser();

        var missing = await (await PostFormAsync(browser, "/returns", ("OrderNumber", ""), ("Email", ""))).ShouldBePageAsync(HttpStatusCode.BadRequest);
        missing.ShouldContain("id=\"orderNumber-error\"");
        missing.ShouldContain("aria-invalid=\"true\"");
        var wrongEmail = await (await PostFormAsync(browser, "/returns", ("OrderNumber", order.Number), ("Email", "someone-else@example.com"))).ShouldBePageAsync(HttpStatusCode.NotFound);
        var unknownOrder = await (await PostFormAsync(browser, "/returns", ("OrderNumber", "ORD-999999"), ("Email", order.Email))).ShouldBePageAsync(HttpStatusCode.NotFound);
        PageAssertions.AlertText(wrongEmail).ShouldBe(PageAssertions.AlertText(unknownOrder), "the form never tells which orders exist");
    }

    [Fact]
    public async Task The_right_order_and_email_open_a_strict_http_only_session_that_shows_that_order()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE-S", 5));
        var order = await scenario.DeliveredOrderAsync($"open-{Guid.NewGuid():N}@example.com", null, [("TEE-S", 2)]);
        using var browser = Browser();

        using var opened = await PostFormAsync(browser, "/returns", ("OrderNumber", order.Number.ToLowerInvariant()), ("Email", order.Email.ToUpperInvariant()));

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.ToString().ShouldBe("/returns/order");
        var cookie = opened.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("orderhub_portal=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldContain("path=/returns", Case.Insensitive);
        var page = await (await browser.GetAsync("/returns/order")).ShouldBePageAsync(HttpStatusCode.OK);
        page.ShouldContain(order.Number);
        page.ShouldContain("TEE-S");
    }

    [Fact]
    public async Task Without_a_session_the_order_page_sends_the_customer_back_to_the_start()
    {
        using var browser = Browser();

        using var response = await browser.GetAsync("/returns/order");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("/returns?expired");
    }

    [Fact]
    public async Task A_session_sees_the_status_of_its_own_orders_return_but_not_of_another_orders()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE-S", 5));
        var mine = await scenario.DeliveredOrderAsync($"mine-{Guid.NewGuid():N}@example.com", null, [("TEE-S", 1)]);
        var theirs = await scenario.DeliveredOrderAsync($"theirs-{Guid.NewGuid():N}@example.com", null, [("TEE-S", 1)]);
        var myReturn = (await scenario.ReturnAsync(mine, "Refund", [("TEE-S", 1, "TooSmall")])).GetProperty("rmaNumber").GetString()!;
        var theirReturn = (await scenario.ReturnAsync(theirs, "Refund", [("TEE-S", 1, "TooSmall")])).GetProperty("rmaNumber").GetString()!;
        using var browser = Browser();
        await OpenSessionAsync(browser, mine);

        (await (await browser.GetAsync($"/returns/{myReturn}")).ShouldBePageAsync(HttpStatusCode.OK)).ShouldContain(myReturn);
        var refused = await (await browser.GetAsync($"/returns/{theirReturn}")).ShouldBePageAsync(HttpStatusCode.NotFound);
        refused.ShouldNotContain(theirs.Number);
        (await browser.GetAsync($"/returns/{theirReturn}/label")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = Browser();
        await (await anonymous.GetAsync($"/returns/{myReturn}")).ShouldBePageAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_portal_cookie_opens_no_api_route()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE-S", 5));
        var order = await scenario.DeliveredOrderAsync($"api-{Guid.NewGuid():N}@example.com", null, [("TEE-S", 1)]);
        using var browser = Browser();
        await OpenSessionAsync(browser, order);

        (await browser.GetAsync($"/api/v1/orders/{order.Id}/returnable-lines")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_return_created_through_the_portal_forms_is_the_apis_return_and_its_label_is_a_pdf()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE-S", 5));
        await scenario.PolicyAsync(p => p["autoApproveMaxOrderValue"] = 1000m);
        var order = await scenario.DeliveredOrderAsync($"create-{Guid.NewGuid():N}@example.com", null, [("TEE-S", 2)]);
        using var browser = Browser();
        await OpenSessionAsync(browser, order);
        var line = order.LineIds["TEE-S"].ToString();
        (string, string)[] choice = [("Lines[0].OrderLineId", line), ("Lines[0].Quantity", "1"), ("Lines[0].Reason", "TooSmall"), ("Resolution", "Refund")];

        var unchosenResponse = await PostFormAsync(browser, "/returns/order?handler=Review", "/returns/order", ("Resolution", "Refund"));
        var unchosen = await unchosenResponse.ShouldBePageAsync(HttpStatusCode.BadRequest);
        unchosen.ShouldContain($"id=\"quantity-{line}-error\"");
        var review = await (await PostFormAsync(browser, "/returns/order?handler=Review", "/returns/order", choice)).ShouldBePageAsync(HttpStatusCode.OK);
        review.ShouldContain("data-testid=\"refund-estimate\"");
        (await browser.PostAsync("/returns/order?handler=Create", Form(choice))).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no anti-forgery token, no return");

        using var created = await PostFormAsync(browser, "/returns/order?handler=Create", "/returns/order", choice);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = created.Headers.Location!.ToString();
        var rmaNumber = RmaNumber().Match(location).Value;
        var rma = await (await scenario.Staff.GetAsync($"/api/v1/returns?rmaNumber={rmaNumber}")).ShouldBeAsync(HttpStatusCode.OK);
        rma.GetProperty("items").GetArrayLength().ShouldBe(1, "the portal created exactly one return, visible to the API");
        var status = await (await browser.GetAsync(location)).ShouldBePageAsync(HttpStatusCode.OK);
        status.ShouldContain("data-testid=\"label-qr\"");
        using var label = await browser.GetAsync($"/returns/{rmaNumber}/label");
        label.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await label.Content.ReadAsByteArrayAsync())[..4].ShouldBe("%PDF"u8.ToArray());
    }

    [Fact]
    public async Task A_line_that_cannot_be_returned_shows_why_in_the_customers_language()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE-S", 5));
        var order = await scenario.DeliveredOrderAsync($"why-{Guid.NewGuid():N}@example.com", null, [("TEE-S", 1)]);
        await scenario.ReturnAsync(order, "Refund", [("TEE-S", 1, "TooSmall")]);
        using var browser = Browser();
        await OpenSessionAsync(browser, order);

        var page = await (await browser.GetAsync("/returns/order?lang=fr")).ShouldBePageAsync(HttpStatusCode.OK);

        page.ShouldContain("Aucun article de cette commande ne peut être retourné.");
        page.ShouldContain("font déjà l’objet d’un retour");
    }

    private HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [GeneratedRegex("RMA-[0-9]+")]
    private static partial Regex RmaNumber();
}
