using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderHub.BrowserTests.Infrastructure;

namespace OrderHub.BrowserTests;

/// <summary>
/// A customer uses the hosted returns portal in a real browser (Debian's chromium, headless) against the real app:
/// on a desktop and on a phone-sized screen, in English and in French, with the mouse and with the keyboard only.
/// Each page is saved to docs/screenshots/ for people to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PortalTests(BrowserFixture fixture)
{
    public static TheoryData<string> Screens => new(["desktop", "phone"]);

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_customer_returns_an_item_end_to_end_and_downloads_its_label(string screen)
    {
        var order = await fixture.Shop.DeliveredOrderAsync($"e2e-{screen}");
        var page = await fixture.NewPageAsync(screen == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);

        await page.GotoAsync("/returns");
        await ShouldFitTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"start-{screen}");
        await page.GetByLabel("Order number").FillAsync(order.Number);
        await page.GetByLabel("Email address").FillAsync(order.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find my order" }).ClickAsync();

        await page.WaitForURLAsync("**/returns/order");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Order {order.Number}");
        var mug = page.Locator("li.line", new() { HasText = "Stoneware mug" });
        (await mug.InnerTextAsync()).ShouldContain("Items in the category 'homeware' cannot be returned.");
        var tee = page.Locator("li.line", new() { HasText = "Organic cotton T-shirt, size S" });
        (await tee.InnerTextAsync()).ShouldContain("2 can be returned until");
        await ShouldFitTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"order-{screen}");

        await tee.GetByLabel("Quantity to return").SelectOptionAsync("1");
        await tee.GetByLabel("Reason for the return").SelectOptionAsync(new SelectOptionValue { Label = "Too small" });
        if (screen == "phone")
        {
            // An exchange for the size in stock: the list offers M (in stock) but not L (sold out).
            await page.Locator("#resolution-Exchange").CheckAsync();
            var replacements = await page.GetByLabel("Replacement").Locator("option").AllInnerTextsAsync();
            replacements.ShouldContain("Organic cotton T-shirt, size M (TEE-M)");
            replacements.ShouldNotContain("Organic cotton T-shirt, size L (TEE-L)");
            await page.GetByLabel("Replacement").SelectOptionAsync("TEE-M");
        }
        else
        {
            (await page.Locator("fieldset").InnerTextAsync()).ShouldContain("10 % bonus");
            await page.Locator("#resolution-StoreCredit").CheckAsync();
        }

        await BrowserFixture.ScreenshotAsync(page, $"choice-{screen}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var estimate = page.GetByTestId("refund-estimate");
        await Assertions.Expect(estimate).ToBeVisibleAsync();
        var figures = await estimate.InnerTextAsync();
        if (screen == "phone")
        {
            figures.ShouldContain("0.00 EUR");
        }
        else
        {
            // 29.90 less 10 % restocking (2.99) and 4.99 return shipping = 21.92, plus the 10 % store-credit bonus (2.19).
            figures.ShouldContain("2.99 EUR");
            figures.ShouldContain("4.99 EUR");
            figures.ShouldContain("2.19 EUR");
            figures.ShouldContain("24.11 EUR");
        }

        await ShouldFitTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"confirm-{screen}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm return" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/returns/RMA-[0-9]+"));
        (await page.GetByTestId("return-status").InnerTextAsync()).ShouldBe("Approved");
        await Assertions.Expect(page.GetByTestId("label-qr")).ToBeVisibleAsync();
        (await page.GetByTestId("label-qr").EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0, "the QR code image decodes");
        (await page.Locator("ol.timeline").InnerTextAsync()).ShouldContain("Return approved");
        await ShouldFitTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"status-{screen}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("label-download").ClickAsync());
        download.SuggestedFilename.ShouldMatch("^RMA-[0-9]+\\.pdf$");
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        pdf[..4].ShouldBe("%PDF"u8.ToArray());
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_customer_with_two_delivered_orders_returns_an_item_of_each_in_one_go(string screen)
    {
        var first = await fixture.Shop.DeliveredOrderAsync($"two-{screen}");
        var second = await fixture.Shop.AnotherDeliveredOrderAsync(first);
        var page = await fixture.NewPageAsync(screen == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        await OpenSessionAsync(page, first);

        var firstOrder = page.Locator($"section[data-order='{first.Number}']");
        var secondOrder = page.Locator($"section[data-order='{second.Number}']");
        (await firstOrder.Locator("h2").InnerTextAsync()).ShouldBe($"Items of order {first.Number}");
        (await secondOrder.Locator("h2").InnerTextAsync()).ShouldBe($"Items of order {second.Number}");
        (await secondOrder.Locator("li.line", new() { HasText = "Stoneware mug" }).InnerTextAsync()).ShouldContain("Items in the category 'homeware' cannot be returned.");
        var firstTee = firstOrder.Locator("li.line", new() { HasText = "Organic cotton T-shirt, size S" });
        var secondTee = secondOrder.Locator("li.line", new() { HasText = "Organic cotton T-shirt, size S" });
        (await secondTee.InnerTextAsync()).ShouldContain("2 can be returned until");
        await firstTee.GetByLabel("Quantity to return").SelectOptionAsync("1");
        await firstTee.GetByLabel("Reason for the return").SelectOptionAsync(new SelectOptionValue { Label = "Too small" });
        await secondTee.GetByLabel("Quantity to return").SelectOptionAsync("1");
        await secondTee.GetByLabel("Reason for the return").SelectOptionAsync(new SelectOptionValue { Label = "Too large" });
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(c => !c.labels || c.labels.length === 0).map(c => c.id || c.name)");
        unlabelled.ShouldBeEmpty();
        await ShouldFitTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"consolidated-order-{screen}");

        // An exchange replaces items of one order: the page says so next to the choice and keeps what was chosen.
        await page.Locator("#resolution-Exchange").CheckAsync();
        await page.GetByLabel("Replacement").SelectOptionAsync("TEE-M");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var explanation = $"An exchange replaces items of one order, and you chose items of orders {first.Number}, {second.Number}.";
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain(explanation);
        (await page.Locator("fieldset").GetAttributeAsync("aria-describedby")).ShouldBe("resolution-Refund-error");
        (await page.Locator("#resolution-Refund-error").InnerTextAsync()).ShouldContain(explanation);
        (await secondTee.GetByLabel("Quantity to return").InputValueAsync()).ShouldBe("1");
        await ShouldFitTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"consolidated-exchange-refused-{screen}");

        await page.Locator(screen == "phone" ? "#resolution-StoreCredit" : "#resolution-Refund").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var estimate = page.GetByTestId("refund-estimate");
        await Assertions.Expect(estimate).ToBeVisibleAsync();
        (await estimate.InnerTextAsync()).ShouldContain("59.80 EUR");
        var chosen = await page.Locator("ul.lines").InnerTextAsync();
        chosen.ShouldContain($"Order {first.Number} · Too small");
        chosen.ShouldContain($"Order {second.Number} · Too large");
        await ShouldFitTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"consolidated-confirm-{screen}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm return" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/returns/RMA-[0-9]+"));
        (await page.GetByTestId("return-status").InnerTextAsync()).ShouldBe("Approved");
        (await page.GetByTestId("order-numbers").InnerTextAsync()).ShouldBe($"{first.Number}, {second.Number}");
        await Assertions.Expect(page.GetByTestId("label-qr")).ToBeVisibleAsync();
        await ShouldFitTheScreenAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"consolidated-status-{screen}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("label-download").ClickAsync());
        (await File.ReadAllBytesAsync((await download.PathAsync())!))[..4].ShouldBe("%PDF"u8.ToArray());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_orders_status_page_is_not_visible_from_this_session()
    {
        var mine = await fixture.Shop.DeliveredOrderAsync("mine");
        var theirs = await fixture.Shop.DeliveredOrderAsync("theirs");
        var myReturn = await fixture.Shop.ReturnThroughApiAsync(mine);
        var theirReturn = await fixture.Shop.ReturnThroughApiAsync(theirs);
        var page = await fixture.NewPageAsync();
        await OpenSessionAsync(page, mine);

        var own = await page.GotoAsync($"/returns/{myReturn}");
        own!.Status.ShouldBe(200);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Return {myReturn}");

        var other = await page.GotoAsync($"/returns/{theirReturn}");
        other!.Status.ShouldBe(404);
        var text = await page.Locator("main").InnerTextAsync();
        text.ShouldContain("We could not find this return for your order.");
        text.ShouldNotContain(theirs.Number);
        text.ShouldNotContain(theirs.Email);
        (await page.APIRequest.GetAsync($"/returns/{theirReturn}/label")).Status.ShouldBe(404);
        await BrowserFixture.ScreenshotAsync(page, "other-order-refused-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task French_chosen_with_lang_shows_french_text_on_every_page_of_the_session()
    {
        var order = await fixture.Shop.DeliveredOrderAsync("fr");
        var page = await fixture.NewPageAsync(BrowserFixture.Phone);

        await page.GotoAsync("/returns?lang=fr");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("fr");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Retourner un article");
        await page.GetByLabel("Numéro de commande").FillAsync(order.Number);
        await page.GetByLabel("Adresse e-mail").FillAsync("quelqu-un@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Trouver ma commande" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Nous n’avons trouvé aucune commande avec ce numéro et cette adresse e-mail.");
        await BrowserFixture.ScreenshotAsync(page, "start-refused-fr-phone");

        await page.GetByLabel("Adresse e-mail").FillAsync(order.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Trouver ma commande" }).ClickAsync();
        await page.WaitForURLAsync("**/returns/order");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("fr");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Commande {order.Number}");
        (await page.Locator("li.line", new() { HasText = "Stoneware mug" }).InnerTextAsync()).ShouldContain("Les articles de la catégorie « homeware » ne peuvent pas être retournés.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Choisissez au moins un article à retourner.");
        await BrowserFixture.ScreenshotAsync(page, "order-errors-fr-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_first_form_can_be_used_with_the_keyboard_alone_with_a_visible_focus()
    {
        var order = await fixture.Shop.DeliveredOrderAsync("keyboard");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/returns");

        await page.Keyboard.PressAsync("Tab");
        (await FocusedAsync(page)).ShouldBe("a.skip-link");
        await TabUntilAsync(page, "input#orderNumber");
        await ShouldShowFocusAsync(page);
        await page.Keyboard.TypeAsync("OH-000000");
        await page.Keyboard.PressAsync("Tab");
        (await FocusedAsync(page)).ShouldBe("input#email");
        await page.Keyboard.TypeAsync(order.Email);
        await page.Keyboard.PressAsync("Tab");
        (await FocusedAsync(page)).ShouldBe("button");
        await ShouldShowFocusAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "start-keyboard-focus-desktop");
        await page.Keyboard.PressAsync("Enter");

        // The refusal is announced (role=alert) and the form keeps what was typed, so the customer corrects one field.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("We could not find an order");
        await TabUntilAsync(page, "input#orderNumber");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(order.Number);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/returns/order");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Order {order.Number}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_control_has_a_label_and_errors_are_tied_to_their_fields()
    {
        var page = await fixture.NewPageAsync(BrowserFixture.Phone);
        await page.GotoAsync("/returns");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find my order" }).ClickAsync();

        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Enter your order number.");
        (await page.Locator("#orderNumber").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await page.Locator("#orderNumber").GetAttributeAsync("aria-describedby"))!.ShouldContain("orderNumber-error");
        (await page.Locator("#orderNumber-error").InnerTextAsync()).ShouldBe("Enter your order number.");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(c => !c.labels || c.labels.length === 0).map(c => c.id || c.name)");
        unlabelled.ShouldBeEmpty();
        await BrowserFixture.ScreenshotAsync(page, "start-errors-phone");
        await page.Context.CloseAsync();
    }

    private static async Task OpenSessionAsync(IPage page, Shop.DeliveredOrder order)
    {
        await page.GotoAsync("/returns");
        await page.GetByLabel("Order number").FillAsync(order.Number);
        await page.GetByLabel("Email address").FillAsync(order.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find my order" }).ClickAsync();
        await page.WaitForURLAsync("**/returns/order");
    }

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.tagName === 'A' ? '.' + e.className : ''); }");

    private static async Task TabUntilAsync(IPage page, string target)
    {
        for (var i = 0; i < 15; i++)
        {
            if (await FocusedAsync(page) == target)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        (await FocusedAsync(page)).ShouldBe(target, "Tab reaches the control");
    }

    /// <summary>The focused element draws an outline a keyboard user can see.</summary>
    private static async Task ShouldShowFocusAsync(IPage page)
    {
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        outline.ShouldNotStartWith("none");
        outline.ShouldNotEndWith(" 0px");
    }

    /// <summary>Nothing is wider than the screen: no sideways scrolling on a phone.</summary>
    private static async Task ShouldFitTheScreenAsync(IPage page) =>
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the page fits the screen's width");
}
