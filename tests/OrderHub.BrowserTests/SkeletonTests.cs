using OrderHub.BrowserTests.Infrastructure;

namespace OrderHub.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_returns_page_is_served_with_its_stylesheet_in_the_requested_language()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync("/returns?lang=fr");
        response!.Status.ShouldBe(200);
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("fr");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Retourner un article");
        var stylesheet = await page.Locator("link[rel=stylesheet]").GetAttributeAsync("href");
        var css = await page.APIRequest.GetAsync(stylesheet!);
        css.Status.ShouldBe(200);
        css.Headers["content-type"].ShouldStartWith("text/css");
        await page.Context.CloseAsync();
    }
}
