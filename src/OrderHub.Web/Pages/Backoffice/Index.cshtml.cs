using MediatR;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;
using OrderHub.Web.Backoffice;

namespace OrderHub.Web.Pages.Backoffice;

/// <summary>The returns queue: requests waiting for a decision, and received parcels whose inspection is overdue.</summary>
public sealed class IndexModel(IMediator mediator) : BackofficePageModel(mediator)
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "approvePage")]
    public int ToApprovePage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "overduePage")]
    public int OverduePage { get; set; } = 1;

    public PagedResult<ReturnSummaryDto> ToApprove { get; private set; } = new([], 1, PageSize, 0);

    public PagedResult<ReturnSummaryDto> Overdue { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync()
    {
        ToApprove = await Mediator.Send(new ListReturnsQuery(ReturnStatus.Requested, null, null, null, null, new PageRequest(Math.Max(1, ToApprovePage), PageSize)), HttpContext.RequestAborted);
        Overdue = await Mediator.Send(new ListReturnsQuery(null, null, null, null, true, new PageRequest(Math.Max(1, OverduePage), PageSize)), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, string? rma)
    {
        var outcome = await TrySendAsync(new ApproveReturnCommand(id, null));
        if (outcome.Succeeded)
        {
            Done = $"{rma ?? outcome.Value!.RmaNumber} approved.";
        }

        return RedirectToPage(new { approvePage = ToApprovePage, overduePage = OverduePage });
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? rma, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            Refused = $"Give a reason to reject {rma}: the customer will read it.";
            return RedirectToPage(new { approvePage = ToApprovePage, overduePage = OverduePage });
        }

        var outcome = await TrySendAsync(new RejectReturnCommand(id, reason, null));
        if (outcome.Succeeded)
        {
            Done = $"{rma ?? outcome.Value!.RmaNumber} rejected.";
        }

        return RedirectToPage(new { approvePage = ToApprovePage, overduePage = OverduePage });
    }
}
