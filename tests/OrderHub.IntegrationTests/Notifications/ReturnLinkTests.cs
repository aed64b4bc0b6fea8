using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;
using OrderHub.IntegrationTests.Web;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// The link in a customer's return emails: absolute, on the public address, outside /api, and opened by its
/// signed, expiring token alone, as a customer's browser would open it: the portal's status page of the return,
/// and through it the label PDF.
/// </summary>
public sealed partial class ReturnLinkTests(NotificationsApp app) : IntegrationTest<NotificationsApp>(app)
{
    [Fact]
    public async Task The_approval_email_links_to_the_return_status_page_which_serves_the_label_pdf_to_a_client_without_any_key()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 5));
        var order = await scenario.DeliveredOrderAsync($"link-{Guid.NewGuid():N}@example.com", null, [("TEE", 1)]);
        var rma = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]));
        var number = rma.GetProperty("rmaNumber").GetString()!;

        var link = await LinkInEmailAsync(order.Email, number);
        link.ShouldStartWith($"{NotificationsApp.PublicBaseUrl}/returns/{number}?t=");
        link.ShouldNotContain("/api/");

        using var browser = PlainClient();
        using var page = await browser.GetAsync(link);
        (await page.ShouldBePageAsync(HttpStatusCode.OK)).ShouldContain(number);
        page.Headers.CacheControl!.NoStore.ShouldBeTrue("a URL carrying a token must not be cached");

        using var response = await browser.GetAsync(LabelOf(link));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue("a URL carrying a token must not be cached");
        (await PdfTextAsync(await response.Content.ReadAsByteArrayAsync())).ShouldContain(number);
    }

    [Fact]
    public async Task The_expiry_reminder_links_to_the_return_page_too_and_no_email_links_to_the_api()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 5));
        var order = await scenario.DeliveredOrderAsync($"remind-{Guid.NewGuid():N}@example.com", null, [("TEE", 1)]);
        var rma = await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]));
        var number = rma.GetProperty("rmaNumber").GetString()!;
        await LinkInEmailAsync(order.Email, number);

        // Inside the reminder lead (two days before ship-by) the deadline job writes the reminder.
        App.Clock.MoveTo(rma.GetProperty("shipBy").GetDateTime().ToUniversalTime() - TimeSpan.FromDays(1));
        await Eventually.HoldsAsync(() => Task.FromResult(LinksInEmails(order.Email, number).Count >= 2), $"the expiry reminder of {number} arrives with its link");

        var links = LinksInEmails(order.Email, number);
        links.ShouldAllBe(l => l.StartsWith($"{NotificationsApp.PublicBaseUrl}/returns/{number}?t=", StringComparison.Ordinal));
        using var browser = PlainClient();
        (await browser.GetAsync(links[^1])).StatusCode.ShouldBe(HttpStatusCode.OK);
        App.Smtp.ReceivedBy(order.Email).ShouldAllBe(m => !m.Part("text/plain").Contains("/api/") && !m.Part("text/html").Contains("/api/"));
    }

    [Fact]
    public async Task A_tampered_token_another_returns_token_a_missing_token_and_an_expired_token_are_refused_alike()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 5));
        var order = await scenario.DeliveredOrderAsync($"tamper-{Guid.NewGuid():N}@example.com", null, [("TEE", 2)]);
        var first = (await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooSmall")]))).GetProperty("rmaNumber").GetString()!;
        var second = (await scenario.ApproveAsync(await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "TooLarge")]))).GetProperty("rmaNumber").GetString()!;
        var firstLink = await LinkInEmailAsync(order.Email, first);
        var secondLink = await LinkInEmailAsync(order.Email, second);
        var firstToken = TokenOf(firstLink);
        using var browser = PlainClient();
        (await browser.GetAsync(firstLink)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var tampered = firstToken[..10] + (firstToken[10] == 'A' ? 'B' : 'A') + firstToken[11..];
        var refusals = new[]
        {
            $"/returns/{first}?t={tampered}",
            $"/returns/{first}?t={TokenOf(secondLink)}",
            $"/returns/{first}?t={firstToken[..^2]}",
            $"/returns/{first}",
            $"/returns/{first}?t=",
            $"/returns/RMA-DOES-NOT-EXIST?t={firstToken}",
        };
        var details = new List<string>();
        foreach (var refused in refusals.Concat(refusals.Select(LabelOf)))
        {
            var page = await (await browser.GetAsync(refused)).ShouldBePageAsync(HttpStatusCode.Forbidden);
            details.Add(PageAssertions.AlertText(page));
        }

        details.Distinct().ShouldHaveSingleItem("a refused link never tells whether the return exists");

        App.Clock.Advance(TimeSpan.FromDays(61));
        await (await browser.GetAsync(firstLink)).ShouldBePageAsync(HttpStatusCode.Forbidden);
        await (await browser.GetAsync(secondLink)).ShouldBePageAsync(HttpStatusCode.Forbidden);
        await (await browser.GetAsync(LabelOf(firstLink))).ShouldBePageAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_valid_link_answers_404_for_an_unknown_return_and_shows_the_status_before_approval_but_no_label_yet()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 5));
        var order = await scenario.DeliveredOrderAsync($"early-{Guid.NewGuid():N}@example.com", null, [("TEE", 1)]);
        var rma = await scenario.ReturnAsync(order, "Refund", [("TEE", 1, "ChangedMind")]);
        rma.GetProperty("status").GetString().ShouldBe("Requested");
        var number = rma.GetProperty("rmaNumber").GetString()!;
        using var browser = PlainClient();

        await (await browser.GetAsync($"/returns/RMA-NOPE-1?t={SignedToken("RMA-NOPE-1")}")).ShouldBePageAsync(HttpStatusCode.NotFound);
        (await (await browser.GetAsync($"/returns/{number}?t={SignedToken(number)}")).ShouldBePageAsync(HttpStatusCode.OK)).ShouldContain(number);
        await (await browser.GetAsync($"/returns/{number}/label?t={SignedToken(number)}")).ShouldBePageAsync(HttpStatusCode.Conflict);

        await scenario.ApproveAsync(rma);
        var link = await LinkInEmailAsync(order.Email, number);
        (await browser.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync(LabelOf(link))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A client as a customer's browser is: no key, no session, no headers of its own.</summary>
    [Fact]
    public async Task A_token_with_characters_outside_base64url_is_refused_like_any_other_bad_token()
    {
        using var browser = PlainClient();

        var page = await (await browser.GetAsync("/returns/RMA-ANY-1?t=not-base64-!!")).ShouldBePageAsync(HttpStatusCode.Forbidden);

        PageAssertions.AlertText(page).ShouldContain("not valid or has expired");
    }

    private HttpClient PlainClient() => App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(NotificationsApp.PublicBaseUrl) });

    /// <summary>Waits for the email about this return that carries a link, as the SMTP server received it, and returns the link.</summary>
    private async Task<string> LinkInEmailAsync(string customer, string rmaNumber)
    {
        string? link = null;
        await Eventually.HoldsAsync(() =>
        {
            var mail = App.Smtp.ReceivedBy(customer).FirstOrDefault(m => m.Subject.Contains(rmaNumber, StringComparison.Ordinal) && Link().IsMatch(m.Part("text/plain")));
            if (mail is not null)
            {
                link = Link().Match(mail.Part("text/plain")).Value;
                mail.Part("text/html").ShouldContain(link);
            }

            return Task.FromResult(link is not null);
        }, $"the approval email of {rmaNumber} arrives with its link");
        return link!;
    }

    private List<string> LinksInEmails(string customer, string rmaNumber) =>
        App.Smtp.ReceivedBy(customer)
            .Where(m => m.Subject.Contains(rmaNumber, StringComparison.Ordinal))
            .SelectMany(m => Link().Matches(m.Part("text/plain")).Select(match => match.Value))
            .ToList();

    /// <summary>The label PDF's address next to a status page's: <c>/returns/{rma}/label</c> with the same token.</summary>
    private static string LabelOf(string link)
    {
        var query = link.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? link + "/label" : link[..query] + "/label" + link[query..];
    }

    private static string TokenOf(string link) => link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..];

    private string SignedToken(string rmaNumber) =>
        ReturnLinkTokens.Sign(Encoding.UTF8.GetBytes(NotificationsApp.LinkSigningKey), rmaNumber, App.Clock.GetUtcNow() + TimeSpan.FromDays(1));

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"orderhub-link-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            return await PdfText.ExtractAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+/returns/[^\s<>""]+")]
    private static partial Regex Link();
}
