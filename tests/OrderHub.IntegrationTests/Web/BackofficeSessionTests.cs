using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Web;

/// <summary>The back office's sign-in through plain HTTP, as a browser posts its forms.</summary>
public sealed partial class BackofficeSessionTests(OrderHubApp app) : IntegrationTest(app)
{
    private const string SessionCookie = "orderhub_backoffice";

    [Fact]
    public async Task A_form_post_without_the_anti_forgery_token_is_refused()
    {
        using var browser = Browser();
        var token = await FormTokenAsync(browser, "/backoffice/sign-in");

        var forged = await browser.PostAsync("/backoffice/sign-in", Form(("key", OrderHubApp.AdminKey)));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        forged.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeFalse(string.Join(';', cookies ?? []));

        var signedIn = await browser.PostAsync("/backoffice/sign-in", Form(("key", OrderHubApp.AdminKey), ("__RequestVerificationToken", token)));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldBe("/backoffice");
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal)).ToLowerInvariant();
        session.ShouldContain("httponly");
        session.ShouldContain("samesite=strict");
        session.ShouldContain("path=/;");
        (await browser.GetAsync("/backoffice")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var forgedSignOut = await browser.PostAsync("/backoffice/sign-out", Form());
        forgedSignOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/backoffice")).StatusCode.ShouldBe(HttpStatusCode.OK, "a sign-out without the token changes nothing");
    }

    [Fact]
    public async Task A_revoked_key_ends_the_session_on_the_next_request()
    {
        using var admin = App.Admin();
        var issued = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "dock-tablet", role = "staff" })).ShouldBeAsync(HttpStatusCode.Created);
        using var browser = Browser();
        await SignInAsync(browser, issued.GetProperty("key").GetString()!);
        (await browser.GetAsync("/backoffice")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.DeleteAsync($"/api/v1/api-keys/{issued.GetProperty("id").GetGuid()}")).IsSuccessStatusCode.ShouldBeTrue();

        var after = await browser.GetAsync("/backoffice");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://localhost"), after.Headers.Location!).AbsolutePath.ShouldBe("/backoffice/sign-in");
    }

    [Fact]
    public async Task Storefront_and_partner_keys_and_unknown_keys_cannot_sign_in()
    {
        using var admin = App.Admin();
        foreach (var (role, storefront) in new[] { ("storefront", "eu"), ("partner", (string?)null) })
        {
            var issued = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = $"{role}-key", role, storefront })).ShouldBeAsync(HttpStatusCode.Created);
            using var browser = Browser();
            var refused = await PostSignInAsync(browser, issued.GetProperty("key").GetString()!);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).ShouldContain($"A {role} key cannot sign in to the back office");
            HasSessionCookie(refused).ShouldBeFalse();
        }

        using var stranger = Browser();
        var unknown = await PostSignInAsync(stranger, "ohk_not-a-key");
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("This API key is unknown or has been revoked.");
        HasSessionCookie(unknown).ShouldBeFalse();
    }

    [Fact]
    public async Task The_stock_stream_takes_the_back_office_session_as_well_as_a_key()
    {
        using var anonymous = Browser();
        var refused = await anonymous.GetAsync("/api/v1/inventory/stream", HttpCompletionOption.ResponseHeadersRead);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        using var browser = Browser();
        await SignInAsync(browser, OrderHubApp.AdminKey);
        using var stream = await browser.GetAsync("/api/v1/inventory/stream", HttpCompletionOption.ResponseHeadersRead);
        stream.StatusCode.ShouldBe(HttpStatusCode.OK);
        stream.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
    }

    private HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<string> FormTokenAsync(HttpClient browser, string path)
    {
        var page = await browser.GetAsync(path);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var match = TokenField().Match(await page.Content.ReadAsStringAsync());
        match.Success.ShouldBeTrue("the form carries an anti-forgery token");
        return match.Groups["token"].Value;
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient browser, string key)
    {
        var token = await FormTokenAsync(browser, "/backoffice/sign-in");
        return await browser.PostAsync("/backoffice/sign-in", Form(("key", key), ("__RequestVerificationToken", token)));
    }

    private static async Task SignInAsync(HttpClient browser, string key)
    {
        var response = await PostSignInAsync(browser, key);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        HasSessionCookie(response).ShouldBeTrue();
    }

    private static bool HasSessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(SessionCookie + "=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
