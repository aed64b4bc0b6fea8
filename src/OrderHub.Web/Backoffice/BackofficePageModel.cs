using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Web.Backoffice;

/// <summary>
/// A back-office page: sends the modules' public requests and turns what they refuse (the API's 400/404/409/412/422)
/// into a message on the page instead of an error page. Outcomes of a post survive the redirect that follows it.
/// </summary>
public abstract class BackofficePageModel(IMediator mediator) : PageModel
{
    protected IMediator Mediator { get; } = mediator;

    /// <summary>What the last action did, shown once after the redirect (Post/Redirect/Get).</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Why the last action was refused, shown once after the redirect.</summary>
    [TempData]
    public string? Refused { get; set; }

    /// <summary>Sends a request; null (with <see cref="Refused"/> set) when the module refuses it.</summary>
    protected async Task<Outcome<T>> TrySendAsync<T>(IRequest<T> request)
    {
        try
        {
            return new Outcome<T>(true, await Mediator.Send(request, HttpContext.RequestAborted));
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            Refused = message;
            return new Outcome<T>(false, default);
        }
    }

    private static string? Describe(Exception e) => e switch
    {
        RequestValidationException v => string.Join(" ", v.Errors.SelectMany(f => f.Value)),
        NotFoundException n => n.Message,
        ConflictException c => c.Message,
        BusinessRuleException b => b.Message,
        PreconditionFailedException p => p.Message,
        ForbiddenException f => f.Message,
        _ => null,
    };

    /// <summary>The result of a request that a module may refuse.</summary>
    protected readonly record struct Outcome<T>(bool Succeeded, T? Value);
}
