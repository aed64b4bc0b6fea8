using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Web.Portal;

namespace OrderHub.Web.Pages.Returns;

/// <summary>The portal's door: order number and email open a portal session for that one order.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public string? OrderNumber { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public FormErrors Errors { get; } = new();

    public string? Notice { get; private set; }

    public void OnGet(string? ended)
    {
        if (ended is not null)
        {
            Notice = t["SessionEnded"];
        }
        else if (Request.Query.ContainsKey("expired"))
        {
            Notice = t["SessionExpired"];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        OrderNumber = OrderNumber?.Trim();
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(OrderNumber))
        {
            Errors.Add("orderNumber", t["ErrorOrderNumberRequired"]);
        }
        else if (OrderNumber.Length > 32)
        {
            Errors.Add("orderNumber", t["ErrorOrderNumberTooLong"]);
        }

        if (string.IsNullOrEmpty(Email))
        {
            Errors.Add("email", t["ErrorEmailRequired"]);
        }
        else if (Email.Length > 254 || Email.IndexOf('@', StringComparison.Ordinal) is < 1 || Email.EndsWith('@'))
        {
            Errors.Add("email", t["ErrorEmailInvalid"]);
        }

        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            var session = await mediator.Send(new OpenCustomerPortalCommand(OrderNumber, Email), cancellationToken);
            PortalSessionCookie.Issue(HttpContext, session);
            return RedirectToPage("/Returns/Order");
        }
        catch (NotFoundException)
        {
            // One message for a wrong number and a wrong email: the form must not tell which orders exist.
            Errors.Problem = t["ErrorOrderNotFound"];
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        catch (RequestValidationException)
        {
            Errors.Problem = t["ErrorCheckFields"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public IActionResult OnPostEnd()
    {
        PortalSessionCookie.End(HttpContext);
        return RedirectToPage("/Returns/Index", new { ended = 1 });
    }
}
