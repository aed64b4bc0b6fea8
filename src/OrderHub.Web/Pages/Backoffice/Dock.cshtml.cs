using MediatR;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Web.Backoffice;

namespace OrderHub.Web.Pages.Backoffice;

/// <summary>
/// The dock station, built for a scanner that types a code and presses Enter: scan an RMA number → the parcel is
/// received → each line is graded with a default drawn from its return reason (Enter accepts) → where every unit went.
/// </summary>
public sealed class DockModel(IMediator mediator) : BackofficePageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Rma { get; set; }

    public ReturnDto? Return { get; private set; }

    /// <summary>Where the units of each line were put away, once graded: location code and quantity.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<StockMovementDto>> PutAway { get; private set; } = new Dictionary<Guid, IReadOnlyList<StockMovementDto>>();

    public bool ReadyToGrade => Return is { Status: ReturnStatus.Received };

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Rma))
        {
            return;
        }

        Return = await FindAsync(Rma.Trim());
        if (Return is null)
        {
            Refused = $"No return has the RMA number {Rma}.";
            return;
        }

        if (Return.Status == ReturnStatus.Completed)
        {
            PutAway = await PutAwayAsync(Return);
        }
    }

    /// <summary>A scan: receives an approved parcel, or opens a received one for grading.</summary>
    public async Task<IActionResult> OnPostScanAsync(string? code)
    {
        var rma = code?.Trim();
        if (string.IsNullOrEmpty(rma))
        {
            Refused = "Scan or type an RMA number.";
            return RedirectToPage();
        }

        var found = await FindAsync(rma);
        if (found is null)
        {
            Refused = $"No return has the RMA number {rma}.";
            return RedirectToPage();
        }

        if (found.Status is ReturnStatus.Approved or ReturnStatus.InTransit)
        {
            var received = await TrySendAsync(new ReceiveReturnCommand(found.RmaNumber, null));
            if (received.Succeeded)
            {
                Done = $"{found.RmaNumber} received: grade each line.";
            }
        }

        return RedirectToPage(new { rma = found.RmaNumber });
    }

    public async Task<IActionResult> OnPostGradeAsync(Guid id, string rma, List<GradeLine> lines)
    {
        var request = new InspectReturnRequest(lines.Select(l => new InspectionLineRequest(l.ReturnLineId, l.Condition, l.Disposition)).ToList());
        var outcome = await TrySendAsync(new InspectReturnCommand(id, request, null));
        if (outcome.Succeeded)
        {
            Done = $"{rma} graded and put away.";
        }

        return RedirectToPage(new { rma });
    }

    /// <summary>The grade a line is offered first: what its return reason suggests the parcel holds.</summary>
    public static (ItemCondition Condition, Disposition Disposition) SuggestedGrade(ReturnReason reason) => reason switch
    {
        ReturnReason.Damaged => (ItemCondition.Damaged, Disposition.Dispose),
        ReturnReason.Defective => (ItemCondition.Defective, Disposition.Refurbish),
        _ => (ItemCondition.New, Disposition.Restock),
    };

    private async Task<ReturnDto?> FindAsync(string rma)
    {
        var page = await Mediator.Send(new ListReturnsQuery(null, null, rma, null, null, new PageRequest(1, 1)), HttpContext.RequestAborted);
        return page.Items.Count == 0 ? null : await Mediator.Send(new GetReturnQuery(page.Items[0].Id), HttpContext.RequestAborted);
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<StockMovementDto>>> PutAwayAsync(ReturnDto rma)
    {
        var placed = new Dictionary<Guid, IReadOnlyList<StockMovementDto>>();
        foreach (var line in rma.Lines.Where(l => !l.KeepIt && l.Disposition is not null))
        {
            var ledger = await Mediator.Send(new ListMovementsQuery(line.Sku, new PageRequest(1, PageRequest.MaxPageSize)), HttpContext.RequestAborted);
            placed[line.Id] = ledger.Items.Where(m => m.Type == MovementType.PutawayIn && m.Reference == rma.RmaNumber).ToList();
        }

        return placed;
    }

    /// <summary>One graded line as the form posts it.</summary>
    public sealed record GradeLine(Guid ReturnLineId, ItemCondition Condition, Disposition Disposition);
}
