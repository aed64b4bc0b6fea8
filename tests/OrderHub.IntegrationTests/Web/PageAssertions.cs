using System.Net;
using System.Text.RegularExpressions;

namespace OrderHub.IntegrationTests.Web;

/// <summary>Checks on the server-rendered pages' answers, as a browser receives them.</summary>
public static partial class PageAssertions
{
    /// <summary>The response is an HTML page with this status; returns its markup.</summary>
    public static async Task<string> ShouldBePageAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body.Length > 2000 ? body[..2000] : body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html", body.Length > 2000 ? body[..2000] : body);
        return body;
    }

    /// <summary>The text of the page's alert (its refusal or error message), without markup.</summary>
    public static string AlertText(string html)
    {
        var match = Alert().Match(html);
        match.Success.ShouldBeTrue("the page shows an alert");
        return WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, string.Empty)).Trim();
    }

    /// <summary>The value of the page's anti-forgery token field.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = Antiforgery().Match(html);
        match.Success.ShouldBeTrue("the form carries an anti-forgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }

    [GeneratedRegex("""<div class="alert"[^>]*role="alert"[^>]*>(.*?)</div>""", RegexOptions.Singleline)]
    private static partial Regex Alert();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|type="hidden" name="__RequestVerificationToken" value="([^"]+)""")]
    private static partial Regex Antiforgery();
}
