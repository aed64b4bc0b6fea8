using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Web.Portal;

namespace OrderHub.Web.Pages.Returns;

/// <summary>
/// The order of the portal session and the customer's other orders in its storefront that still have something to
/// return: what can be returned and why not, the customer's choice of items (from one order or several, for one
/// parcel), reason and resolution, then a confirmation with the refund estimate and fees, then the return. Every rule
/// is the Returns module's: the page asks it for the orders, the options, the quote and the return.
/// </summary>
public sealed class OrderModel(IMediator mediator, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int MaxCommentLength = 1000;

    [BindProperty]
    public List<LineInput> Lines { get; set; } = [];

    [BindProperty]
    public ReturnResolution? Resolution { get; set; }

    [BindProperty]
    public string? ExchangeSku { get; set; }

    /// <summary>The options of the session's order.</summary>
    public ReturnOptions Options => Orders[0];

    /// <summary>The session's order first, then the customer's other orders with something returnable, newest first.</summary>
    public IReadOnlyList<ReturnOptions> Orders { get; private set; } = [];

    /// <summary>Whether items of several orders can go back together on this page.</summary>
    public bool Consolidating => Orders.Count > 1;

    /// <summary>The resolutions the policy offers for every order shown.</summary>
    public IReadOnlyList<ReturnResolution> Resolutions { get; private set; } = [];

    /// <summary>Catalogue names by SKU.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Replacements in stock for an exchange.</summary>
    public IReadOnlyList<ExchangeOption> ExchangeOptions { get; private set; } = [];

    /// <summary>The quote being confirmed; null while the customer is choosing.</summary>
    public RefundBreakdown? Quote { get; private set; }

    public FormErrors Errors { get; } = new();

    /// <summary>The control a resolution error points at: the first choice offered.</summary>
    public string ResolutionFieldId => $"resolution-{(Resolutions.Count > 0 ? Resolutions[0] : ReturnResolution.Refund)}";

    public bool AnyReturnable => Orders.Any(o => o.Lines.Any(l => l.Eligibility.Eligible));

    public bool SessionOrderReturnable => Options.Lines.Any(l => l.Eligibility.Eligible);

    /// <summary>An order line of the orders shown, with its order; null for any other line.</summary>
    public (ReturnOptions Order, ReturnOptionLine Line)? LineOf(Guid orderLineId) =>
        Orders.SelectMany(o => o.Lines.Select(l => ((ReturnOptions Order, ReturnOptionLine Line)?)(o, l)))
            .FirstOrDefault(x => x!.Value.Line.Eligibility.OrderLineId == orderLineId);

    public string NameOf(string sku) => Names.TryGetValue(sku, out var name) ? name : sku;

    public LineInput InputFor(Guid orderLineId) => Lines.FirstOrDefault(l => l.OrderLineId == orderLineId) ?? new LineInput { OrderLineId = orderLineId };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : SessionEnded();

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return SessionEnded();
        }

        if (Validate() is { } request)
        {
            try
            {
                Quote = await mediator.Send(new QuoteReturnQuery(request), cancellationToken);
                return Page();
            }
            catch (Exception exception) when (Refusal(exception))
            {
            }
        }

        Response.StatusCode = Errors.Fields.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : SessionEnded();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return SessionEnded();
        }

        if (Validate() is { } request)
        {
            try
            {
                var created = await mediator.Send(new CreateCustomerReturnCommand(request), cancellationToken);
                return RedirectToPage("/Returns/Status", new { rmaNumber = created.RmaNumber, created = 1 });
            }
            catch (Exception exception) when (Refusal(exception))
            {
            }
        }

        Response.StatusCode = Errors.Fields.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private IActionResult SessionEnded() => RedirectToPage("/Returns/Index", new { expired = 1 });

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (PortalSessionCookie.OrderOf(HttpContext) is not { } orderId)
        {
            return false;
        }

        var orders = new List<ReturnOptions> { await mediator.Send(new GetReturnOptionsQuery(orderId), cancellationToken) };
        // The module lists only the session customer's orders in the session order's storefront.
        var others = await mediator.Send(new ListPortalOrdersQuery(new PageRequest(1, PageRequest.MaxPageSize)), cancellationToken);
        foreach (var other in others.Items.Where(o => o.OrderId != orderId))
        {
            orders.Add(await mediator.Send(new GetReturnOptionsQuery(other.OrderId), cancellationToken));
        }

        Orders = orders;
        Resolutions = [.. Options.Resolutions.Where(r => orders.All(o => o.Resolutions.Contains(r)))];
        var lines = orders.SelectMany(o => o.Lines).ToList();
        var skus = lines.Select(l => l.Eligibility.Sku).Distinct(StringComparer.Ordinal).ToList();
        Names = (await mediator.Send(new GetSkusQuery(skus), cancellationToken)).ToDictionary(s => s.Sku, s => s.Name, StringComparer.Ordinal);
        if (Resolutions.Contains(ReturnResolution.Exchange))
        {
            var options = new Dictionary<string, ExchangeOption>(StringComparer.Ordinal);
            foreach (var sku in lines.Where(l => l.Eligibility.Eligible).Select(l => l.Eligibility.Sku).Distinct(StringComparer.Ordinal))
            {
                foreach (var option in await mediator.Send(new GetExchangeOptionsQuery(sku), cancellationToken))
                {
                    options.TryAdd(option.Sku, option);
                }
            }

            ExchangeOptions = options.Values.OrderBy(o => o.Sku, StringComparer.Ordinal).ToList();
        }

        return true;
    }

    /// <summary>The request the customer's choices make, or null with the errors next to their fields.</summary>
    private CreateReturnRequest? Validate()
    {
        var chosen = new List<ReturnLineRequest>();
        var chosenOrders = new List<ReturnOptions>();
        for (var i = 0; i < Lines.Count; i++)
        {
            var input = Lines[i];
            // A line is looked up among the orders shown, never trusted from the form, so its order is the module's.
            if (LineOf(input.OrderLineId) is not { } found || input.Quantity is null or 0)
            {
                continue;
            }

            var (order, line) = found;

            if (!line.Eligibility.Eligible)
            {
                // It could be chosen when the page was shown (a window closes, a return takes the last unit); the page
                // now shows it as not returnable, with the reason, instead of a control to point at.
                Errors.Problem = t["ErrorNotReturnableNow"];
                continue;
            }

            if (input.Quantity < 0 || input.Quantity > line.Eligibility.ReturnableQuantity)
            {
                Errors.Add($"quantity-{input.OrderLineId}", t["ErrorQuantityRange", line.Eligibility.ReturnableQuantity]);
            }

            if (input.Reason is null || !Enum.IsDefined(input.Reason.Value))
            {
                Errors.Add($"reason-{input.OrderLineId}", t["ErrorReasonRequired"]);
            }

            if (input.Comment is { Length: > MaxCommentLength })
            {
                Errors.Add($"comment-{input.OrderLineId}", t["ErrorCommentTooLong", MaxCommentLength]);
            }

            chosen.Add(new ReturnLineRequest(input.OrderLineId, input.Quantity, input.Reason, string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(), order.OrderId));
            if (!chosenOrders.Contains(order))
            {
                chosenOrders.Add(order);
            }
        }

        if (chosen.Count == 0 && !Errors.Any)
        {
            var first = Orders.SelectMany(o => o.Lines).FirstOrDefault(l => l.Eligibility.Eligible);
            Errors.Add(first is null ? "lines" : $"quantity-{first.Eligibility.OrderLineId}", t["ErrorNothingChosen"]);
        }

        if (chosenOrders.Select(o => o.Currency).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            Errors.Problem = t["ErrorMixedCurrencies", string.Join(", ", chosenOrders.Select(o => o.Currency).Distinct(StringComparer.Ordinal))];
        }

        if (Resolution is null || !Resolutions.Contains(Resolution.Value))
        {
            Errors.Add(ResolutionFieldId, t["ErrorResolutionRequired"]);
        }
        else if (Resolution == ReturnResolution.Exchange && chosenOrders.Count > 1)
        {
            // The module refuses this too; said here in the customer's words, with the way out.
            Errors.Add(ResolutionFieldId, t["ErrorExchangeAcrossOrders", string.Join(", ", chosenOrders.Select(o => o.OrderNumber))]);
        }
        else if (Resolution == ReturnResolution.Exchange && !ExchangeOptions.Any(o => o.Sku == ExchangeSku))
        {
            Errors.Add("exchangeSku", t["ErrorExchangeRequired"]);
        }

        if (Errors.Any)
        {
            return null;
        }

        return new CreateReturnRequest(chosen[0].OrderId, chosen, Resolution, Resolution == ReturnResolution.Exchange ? ExchangeSku : null);
    }

    /// <summary>Turns the module's refusal into a message for the customer; false for anything else.</summary>
    private bool Refusal(Exception exception)
    {
        switch (exception)
        {
            case BusinessRuleException { Code: "exchange-across-orders" }:
                Errors.Add(ResolutionFieldId, t["ErrorExchangeAcrossOrders", string.Join(", ", Orders.Select(o => o.OrderNumber))]);
                return true;
            case BusinessRuleException { Code: "mixed-currencies" }:
                Errors.Problem = t["ErrorMixedCurrencies", string.Join(", ", Orders.Select(o => o.Currency).Distinct(StringComparer.Ordinal))];
                return true;
            case BusinessRuleException:
                Errors.Problem = t["ErrorNotReturnableNow"];
                return true;
            case ConflictException conflict when conflict.Code == "insufficient-stock":
                Errors.Problem = t["ErrorExchangeOutOfStock"];
                return true;
            case ConflictException:
                Errors.Problem = t["ErrorTryAgain"];
                return true;
            case RequestValidationException:
            case NotFoundException:
                Errors.Problem = t["ErrorCheckFields"];
                return true;
            default:
                return false;
        }
    }

    /// <summary>The customer's choice for one order line.</summary>
    public sealed class LineInput
    {
        public Guid OrderLineId { get; set; }

        public int? Quantity { get; set; }

        public ReturnReason? Reason { get; set; }

        public string? Comment { get; set; }
    }
}
