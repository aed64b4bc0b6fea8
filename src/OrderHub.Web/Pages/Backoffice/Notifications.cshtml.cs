using MediatR;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;
using OrderHub.Web.Backoffice;

namespace OrderHub.Web.Pages.Backoffice;

/// <summary>The customer notification log, newest first, filtered by customer and delivery status.</summary>
public sealed class NotificationsModel(IMediator mediator) : BackofficePageModel(mediator)
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeliveryStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<NotificationDto> Log { get; private set; } = new([], 1, PageSize, 0);

    public string Query => $"email={Uri.EscapeDataString(Email ?? string.Empty)}&status={Status}";

    public async Task OnGetAsync() =>
        Log = await Mediator.Send(
            new ListNotificationsQuery(string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(), null, null, Status, new PageRequest(Math.Max(1, PageNumber), PageSize)),
            HttpContext.RequestAborted);
}
