using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderHub.BrowserTests.Infrastructure;

namespace OrderHub.BrowserTests.Backoffice;

[Collection(BrowserCollection.Name)]
public sealed class BackofficeTests(BrowserFixture fixture)
{
    private static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/backoffice");
        page.Url.ShouldContain("/backoffice/sign-in");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// The sign-in landed on the returns queue: the page's address becomes /backoffice (polled with a deadline), and
    /// nothing waits for the page's load event. What follows waits for the elements it needs, and the load event of a
    /// freshly started app's page was seen to come more than 15 s late on a busy machine although the page had
    /// arrived. <c>WaitForURLAsync</c> does not do: when the navigation has already committed by the time it is
    /// called, it waits for a load state instead.
    /// </summary>
    private static Task SignedInAsync(IPage page) =>
        Assertions.Expect(page).ToHaveURLAsync(new Regex("/backoffice$"));

    [Fact]
    public async Task Staff_approve_a_customers_return_grade_it_at_the_dock_and_watch_the_unit_reach_its_shelf_live()
    {
        using var scenario = await BackofficeScenario.StartAsync(fixture.App, stock: 4);
        var rma = await scenario.CustomerReturnAsync("ada@example.com", "TooSmall");
        var (_, staffKey) = await scenario.KeyAsync("staff");
        var page = await fixture.NewPageAsync();

        await SignInAsync(page, staffKey);
        await SignedInAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Returns queue", Level = 1 })).ToBeVisibleAsync();
        var card = page.Locator($"li.card[data-rma='{rma}']");
        await Assertions.Expect(card).ToContainTextAsync("ada@example.com");
        await Screenshots.SaveAsync(page, "backoffice-queue-desktop");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Approve {rma}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{rma} approved.");
        await Assertions.Expect(card).ToHaveCountAsync(0);
        (await scenario.ReturnAsync(rma)).GetProperty("status").GetString().ShouldBe("Approved");

        // The dock: the scan box has the focus, a scanner types the code and Enter; the grade button then has it.
        await page.GotoAsync("/backoffice/dock");
        await Assertions.Expect(page.GetByLabel("Scan or type the RMA number")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(rma);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{rma} received: grade each line.");
        await Assertions.Expect(page.GetByLabel("Condition")).ToHaveValueAsync("New");
        await Assertions.Expect(page.GetByLabel("Disposition")).ToHaveValueAsync("Restock");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Grade and put away" })).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "backoffice-dock-grade-desktop");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{rma} graded and put away.");
        await Assertions.Expect(page.Locator("table.putaway td.location")).ToHaveTextAsync($"{scenario.PickLocation} (1)");
        await Assertions.Expect(page.GetByLabel("Scan or type the RMA number")).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "backoffice-dock-done-desktop");
        (await scenario.ReturnAsync(rma)).GetProperty("status").GetString().ShouldBe("Completed");

        // Four received, one shipped, one back on the shelf: four available in the pick location.
        await page.GotoAsync($"/backoffice/stock?sku={scenario.Sku}");
        var pick = page.Locator($"tr[data-location='{scenario.PickLocation}']");
        await Assertions.Expect(pick.Locator("td").Nth(3)).ToHaveTextAsync("4");
        await Assertions.Expect(page.Locator("#stock[data-live='true']")).ToHaveCountAsync(1);
        await scenario.ReceiveStockAsync(2);
        await Assertions.Expect(pick.Locator("td").Nth(3)).ToHaveTextAsync("6");
        await Assertions.Expect(page.Locator("[data-field='available']")).ToHaveTextAsync("6");
        await Screenshots.SaveAsync(page, "backoffice-stock-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_key_and_a_storefront_key_cannot_sign_in()
    {
        using var scenario = await BackofficeScenario.StartAsync(fixture.App, stock: 0);
        var (_, storefrontKey) = await scenario.KeyAsync("storefront", "eu");
        var page = await fixture.NewPageAsync(BrowserFixture.Phone);

        await SignInAsync(page, "ohk_wrong");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This API key is unknown or has been revoked.");
        await Assertions.Expect(page.GetByLabel("API key")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "backoffice-sign-in-phone");

        await SignInAsync(page, storefrontKey);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("A storefront key cannot sign in to the back office");
        await page.GotoAsync("/backoffice");
        page.Url.ShouldContain("/backoffice/sign-in");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_revoked_key_ends_the_session_and_signing_out_ends_it_too()
    {
        using var scenario = await BackofficeScenario.StartAsync(fixture.App, stock: 0);
        var (keyId, staffKey) = await scenario.KeyAsync("staff");
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, staffKey);
        await SignedInAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("/backoffice/stock");
        page.Url.ShouldContain("/backoffice/sign-in");

        await SignInAsync(page, staffKey);
        await SignedInAsync(page);
        (await scenario.Admin.DeleteAsync($"/api/v1/api-keys/{keyId}")).IsSuccessStatusCode.ShouldBeTrue();
        await page.GotoAsync("/backoffice/dock");
        page.Url.ShouldContain("/backoffice/sign-in");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_back_office_page_works_on_a_phone()
    {
        using var scenario = await BackofficeScenario.StartAsync(fixture.App, stock: 3);
        var rma = await scenario.CustomerReturnAsync("bo@example.com", "Damaged");
        var hook = await scenario.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks", events = new[] { "return.approved" }, secret = "s3cret-s3cret-s3cret" });
        hook.IsSuccessStatusCode.ShouldBeTrue(await hook.Content.ReadAsStringAsync());
        var hookId = (await hook.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var page = await fixture.NewPageAsync(BrowserFixture.Phone);
        await SignInAsync(page, PortalApp.AdminKey);
        await SignedInAsync(page);
        await Assertions.Expect(page.Locator($"li.card[data-rma='{rma}']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "backoffice-queue-phone");
        await page.Locator($"li.card[data-rma='{rma}']").GetByRole(AriaRole.Button, new() { Name = $"Approve {rma}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{rma} approved.");

        await page.GotoAsync("/backoffice/dock");
        await page.GetByLabel("Scan or type the RMA number").FillAsync(rma);
        await page.GetByRole(AriaRole.Button, new() { Name = "Receive" }).ClickAsync();
        // A parcel returned as damaged is offered for disposal, and the phone shows the whole form without sideways scrolling.
        await Assertions.Expect(page.GetByLabel("Condition")).ToHaveValueAsync("Damaged");
        await Assertions.Expect(page.GetByLabel("Disposition")).ToHaveValueAsync("Dispose");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Screenshots.SaveAsync(page, "backoffice-dock-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Grade and put away" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.putaway td.location")).ToHaveTextAsync($"{scenario.Warehouse}-DMG (1)");

        await page.GotoAsync($"/backoffice/stock?sku={scenario.Sku}");
        await Assertions.Expect(page.Locator($"tr[data-location='{scenario.Warehouse}-DMG']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "backoffice-stock-phone");

        await page.GotoAsync("/backoffice/notifications?email=bo@example.com");
        await Assertions.Expect(page.Locator("table.log tbody tr").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "backoffice-notifications-phone");

        await Eventually.HoldsAsync(
            async () => (await scenario.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/webhooks/{hookId}/deliveries")).GetProperty("totalCount").GetInt32() > 0,
            "the approval is queued for the webhook");
        await page.GotoAsync($"/backoffice/webhooks?subscription={hookId}");
        var delivery = page.Locator("li.delivery").First;
        await Assertions.Expect(delivery).ToContainTextAsync("return.approved");
        await Screenshots.SaveAsync(page, "backoffice-webhooks-phone");
        await delivery.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Redeliver") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Alert))).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await page.GotoAsync("/backoffice/notifications");
        await Screenshots.SaveAsync(page, "backoffice-notifications-desktop");
        await page.GotoAsync("/backoffice/webhooks");
        await Screenshots.SaveAsync(page, "backoffice-webhooks-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_analytics_page_draws_its_charts_on_the_server_with_their_text()
    {
        using var scenario = await BackofficeScenario.StartAsync(fixture.App, stock: 5);
        var rma = await scenario.CustomerReturnAsync("charts@example.com", "NotAsDescribed");
        await scenario.CompleteAsync(rma);
        await Eventually.HoldsAsync(
            async () =>
            {
                var rows = await scenario.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/analytics/returns/by?dimension=reason");
                return rows.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("key").GetString() == "NotAsDescribed");
            },
            "the analytics read model has the completed return");

        var page = await fixture.NewPageAsync();
        await SignInAsync(page, PortalApp.AdminKey);
        await SignedInAsync(page);
        await page.GotoAsync("/backoffice/analytics");
        await Assertions.Expect(page.Locator("figure.chart")).ToHaveCountAsync(5);
        var reasons = page.Locator("#chart-reason img");
        await Assertions.Expect(reasons).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("NotAsDescribed"));
        var source = await reasons.GetAttributeAsync("src");
        source.ShouldStartWith("data:image/svg+xml;base64,");
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(source!["data:image/svg+xml;base64,".Length..]));
        svg.ShouldStartWith("<svg");
        svg.ShouldContain("NotAsDescribed");
        svg.ShouldContain("<text");
        (await page.Locator("#chart-disposition img").GetAttributeAsync("alt"))!.ShouldContain("Restock");
        (await page.EvaluateAsync<bool>("[...document.querySelectorAll('figure.chart img')].every(i => i.complete && i.naturalWidth > 0)")).ShouldBeTrue();
        await Screenshots.SaveAsync(page, "backoffice-analytics-desktop");

        await page.SetViewportSizeAsync(BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await Screenshots.SaveAsync(page, "backoffice-analytics-phone");

        await page.GotoAsync("/backoffice/analytics?from=2026-13-01");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("from must be a date");
        await page.Context.CloseAsync();
    }
}
