using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Web.Pages.Backoffice;

/// <summary>Signing out is a post (with the anti-forgery token), so a link on another site cannot end a session.</summary>
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(BackofficeDefaults.SchemeName);
        return RedirectToPage();
    }
}
