using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace OrderHub.Web;

/// <summary>
/// The languages the pages speak and how one is chosen: <c>?lang=</c>, then the choice remembered from an earlier
/// <c>?lang=</c> (a cookie, so a form posted in French answers in French), then the browser's Accept-Language.
/// </summary>
public static class WebCultures
{
    public const string QueryKey = "lang";
    public const string CookieName = "orderhub_lang";

    public static readonly IReadOnlyList<string> Supported = ["en", "fr", "pl", "zh"];

    /// <summary>The language's own name, for the language switcher.</summary>
    public static string NativeName(string culture) => culture switch
    {
        "fr" => "Français",
        "pl" => "Polski",
        "zh" => "中文",
        _ => "English",
    };

    internal static RequestLocalizationOptions Options()
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        };
    }

    /// <summary>Remembers a language picked with <c>?lang=</c> for the next pages and posts.</summary>
    internal static void RememberChoice(HttpContext context)
    {
        var requested = context.Request.Query[QueryKey].ToString();
        if (Supported.Contains(requested, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.Cookies.Append(
                CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(requested.ToLowerInvariant())),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        }
    }
}
