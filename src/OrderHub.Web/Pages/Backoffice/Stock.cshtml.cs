using MediatR;
using Microsoft.AspNetCore.Mvc;
using OrderHub.Inventory.Contracts;
using OrderHub.Web.Backoffice;

namespace OrderHub.Web.Pages.Backoffice;

/// <summary>Stock of one SKU per location; the page's script keeps the figures live from the stock stream.</summary>
public sealed class StockModel(IMediator mediator) : BackofficePageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Sku { get; set; }

    public StockSnapshot? Stock { get; private set; }

    public string? Unknown { get; private set; }

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Sku))
        {
            return;
        }

        var outcome = await TrySendAsync(new GetStockQuery(Sku.Trim()));
        if (outcome.Succeeded)
        {
            Stock = outcome.Value;
        }
        else
        {
            // Shown in the page's own form, not as a message carried to the next page.
            Unknown = Refused;
            Refused = null;
        }
    }
}
