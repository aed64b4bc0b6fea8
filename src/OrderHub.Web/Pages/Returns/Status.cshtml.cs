using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Inventory.Contracts;
using OrderHub.Notifications.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Web.Portal;
using QRCoder;

namespace OrderHub.Web.Pages.Returns;

/// <summary>
/// A return's status page, <c>/returns/{rmaNumber}</c>, the page customer emails link to: its label (PDF and an
/// on-screen QR code for box-free drop-off) and its way to the refund. It opens with the email link's signed token
/// (<c>?t=</c>, that one return) or with the portal session of the return's order; anything else shows nothing.
/// </summary>
public sealed class StatusModel(IMediator mediator, IStringLocalizer<SharedResource> t) : PageModel
{
    public const string TokenParameter = "t";

    /// <summary>Statuses in which the customer still has to send the parcel, so the label is shown.</summary>
    private static readonly ReturnStatus[] LabelStatuses = [ReturnStatus.Approved, ReturnStatus.InTransit];

    public ReturnTracking Tracking { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string? Message { get; private set; }

    public bool JustCreated { get; private set; }

    /// <summary>The PNG of the QR code carrying the RMA number, as a data URL; null when there is no label.</summary>
    public string? QrCode { get; private set; }

    public string LabelUrl { get; private set; } = string.Empty;

    public bool ShowsLabel => LabelStatuses.Contains(Tracking.Return.Status) && Tracking.Return.ShipBy is not null;

    public string NameOf(string sku) => Names.TryGetValue(sku, out var name) ? name : sku;

    public async Task<IActionResult> OnGetAsync(string rmaNumber, int? created, CancellationToken cancellationToken)
    {
        if (await OpenAsync(rmaNumber, cancellationToken) is { } refused)
        {
            return refused;
        }

        JustCreated = created == 1;
        var token = Request.Query[TokenParameter].ToString();
        LabelUrl = $"/returns/{Uri.EscapeDataString(Tracking.Return.RmaNumber)}/label" + (token.Length > 0 ? $"?{TokenParameter}={Uri.EscapeDataString(token)}" : string.Empty);
        var skus = Tracking.Return.Lines.Select(l => l.Sku).Append(Tracking.Return.ExchangeSku).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Names = (await mediator.Send(new GetSkusQuery(skus), cancellationToken)).ToDictionary(s => s.Sku, s => s.Name, StringComparer.Ordinal);
        if (ShowsLabel)
        {
            using var data = QRCodeGenerator.GenerateQrCode(Tracking.Return.RmaNumber, QRCodeGenerator.ECCLevel.M);
            QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
        }

        return Page();
    }

    /// <summary><c>/returns/{rmaNumber}/label</c>: the label PDF, to the same people as the page.</summary>
    public async Task<IActionResult> OnGetLabelAsync(string rmaNumber, CancellationToken cancellationToken)
    {
        if (await OpenAsync(rmaNumber, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            var label = await mediator.Send(new GetReturnLabelDocumentQuery(Tracking.Return.RmaNumber), cancellationToken);
            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"{label.RmaNumber}.pdf" }.ToString();
            return File(label.Pdf, "application/pdf");
        }
        catch (ConflictException)
        {
            return Refuse(StatusCodes.Status409Conflict, t["LabelNotYet"]);
        }
    }

    /// <summary>Checks who may see the return and loads it; the refusal to answer with, or null.</summary>
    private async Task<IActionResult?> OpenAsync(string rmaNumber, CancellationToken cancellationToken)
    {
        // The token or the session is the only key: responses are personal, and the token must not leak onwards.
        Response.Headers.CacheControl = "no-store";
        if (Request.Query.ContainsKey(TokenParameter))
        {
            // Checked before anything is looked up, so a refused link says nothing about whether the return exists.
            if (!await mediator.Send(new CheckReturnLinkQuery(rmaNumber, Request.Query[TokenParameter].ToString()), cancellationToken))
            {
                return Refuse(StatusCodes.Status403Forbidden, t["LinkInvalid"]);
            }

            // The link opens its return whichever order a session in the same browser is for.
            PortalSessionCookie.Forget(HttpContext);
        }
        else if (PortalSessionCookie.OrderOf(HttpContext) is null)
        {
            // The same words as for a bad link: the page never tells whether the return exists.
            return Refuse(StatusCodes.Status403Forbidden, t["LinkInvalid"]);
        }

        try
        {
            Tracking = await mediator.Send(new GetReturnTrackingQuery(rmaNumber), cancellationToken);
            return null;
        }
        catch (NotFoundException)
        {
            return Refuse(StatusCodes.Status404NotFound, t["ReturnNotFound"]);
        }
    }

    private PageResult Refuse(int status, string message)
    {
        Message = message;
        Response.StatusCode = status;
        ViewData["Refused"] = true;
        return Page();
    }
}
