using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.Web.Backoffice;
using OrderHub.Web.Portal;

namespace OrderHub.Web;

/// <summary>
/// The server-rendered pages of the deployable: the customer returns portal (<c>/returns</c>) and the staff
/// back office (<c>/backoffice</c>), as Razor Pages with plain HTML forms. Pages call the modules only through
/// MediatR requests in their contracts.
/// </summary>
public static class WebPagesRegistration
{
    /// <summary>The paths the pages (and their assets) answer on; the localisation middleware runs only there.</summary>
    private static readonly PathString[] PagePaths = ["/returns", "/backoffice", "/assets"];

    public static IServiceCollection AddOrderHubWeb(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Pages speak French, Polish and Chinese: their letters go out as text, not as character references.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddBackofficeSession();
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Backoffice", BackofficeSession.Policy);
                o.Conventions.AllowAnonymousToPage("/Backoffice/SignIn");
                o.Conventions.AllowAnonymousToPage("/Backoffice/SignOut");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(WebPagesRegistration).Assembly;
                if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    parts.ApplicationParts.Add(new AssemblyPart(assembly));
                }
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "orderhub_antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    public static WebApplication MapOrderHubWeb(this WebApplication app)
    {
        var localization = WebCultures.Options();
        app.UseWhen(
            context => PagePaths.Any(p => context.Request.Path.StartsWithSegments(p)),
            pages => pages.UseRequestLocalization(localization).Use(async (context, next) =>
            {
                WebCultures.RememberChoice(context);
                if (context.Request.Path.StartsWithSegments("/returns"))
                {
                    await PortalSessionCookie.AuthenticateAsync(context);
                }

                // Pages show personal data: never cached by shared caches, never leaked in a Referer.
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                context.Response.Headers["X-Frame-Options"] = "DENY";
                await next(context);
            }));
        WebAssets.Map(app);
        app.MapRazorPages();
        return app;
    }
}
