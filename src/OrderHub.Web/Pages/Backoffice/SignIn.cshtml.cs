using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Platform.Contracts;
using OrderHub.Web.Backoffice;

namespace OrderHub.Web.Pages.Backoffice;

public sealed class SignInModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        var authenticated = string.IsNullOrWhiteSpace(key) ? null : await mediator.Send(new AuthenticateApiKeyQuery(key), HttpContext.RequestAborted);
        if (authenticated is null)
        {
            Error = "This API key is unknown or has been revoked.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        if (!BackofficeSession.MaySignIn(authenticated.Role))
        {
            Error = $"A {authenticated.Role} key cannot sign in to the back office: use a staff or admin key.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        await HttpContext.SignInAsync(BackofficeDefaults.SchemeName, BackofficeSession.PrincipalOf(authenticated), new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith("/backoffice", StringComparison.Ordinal) ? ReturnUrl : "/backoffice");
    }
}
