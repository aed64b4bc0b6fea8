using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OrderHub.Web.Pages.Returns;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
