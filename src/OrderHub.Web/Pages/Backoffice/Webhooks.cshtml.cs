using MediatR;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;
using OrderHub.Web.Backoffice;

namespace OrderHub.Web.Pages.Backoffice;

/// <summary>Webhook subscriptions and the delivery log of one of them, with redelivery.</summary>
public sealed class WebhooksModel(IMediator mediator) : BackofficePageModel(mediator)
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public Guid? Subscription { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeliveryStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<WebhookSubscriptionDto> Subscriptions { get; private set; } = new([], 1, PageRequest.MaxPageSize, 0);

    public WebhookSubscriptionDto? Selected { get; private set; }

    public PagedResult<WebhookDeliveryDto> Deliveries { get; private set; } = new([], 1, PageSize, 0);

    public string Query => $"subscription={Subscription}&status={Status}";

    public async Task OnGetAsync()
    {
        Subscriptions = await Mediator.Send(new ListWebhooksQuery(new PageRequest(1, PageRequest.MaxPageSize)), HttpContext.RequestAborted);
        Selected = Subscriptions.Items.FirstOrDefault(s => s.Id == Subscription) ?? (Subscription is null && Subscriptions.Items.Count > 0 ? Subscriptions.Items[0] : null);
        if (Selected is not null)
        {
            var outcome = await TrySendAsync(new ListWebhookDeliveriesQuery(Selected.Id, Status, new PageRequest(Math.Max(1, PageNumber), PageSize)));
            Deliveries = outcome.Value ?? Deliveries;
        }
    }

    public async Task<IActionResult> OnPostRedeliverAsync(Guid subscription, Guid delivery)
    {
        var outcome = await TrySendAsync(new RedeliverWebhookCommand(subscription, delivery));
        if (outcome.Succeeded)
        {
            Done = $"Delivery {delivery} of {outcome.Value!.EventType} queued again.";
        }

        return RedirectToPage(new { subscription, status = Status, p = PageNumber });
    }
}
