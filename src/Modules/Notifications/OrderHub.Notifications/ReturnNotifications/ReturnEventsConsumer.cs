using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.CustomerLinks;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Publishing;
using OrderHub.Returns.Contracts;

namespace OrderHub.Notifications.ReturnNotifications;

/// <summary>
/// Tells the customer and the webhook subscribers about every step of a return; messages carry the RMA number.
/// Emails that ask for the parcel link to the return's customer page (see <see cref="ReturnLinks"/>), never to an
/// <c>/api</c> route; webhook payloads keep the API's label URL, which partners open with their key. It only adds rows,
/// so a run of events needs no save between them (ADR 0034).
/// </summary>
internal sealed class ReturnEventsConsumer(NotificationWriter writer, ReturnLinks links) :
    IRunConsumer<ReturnRequested>,
    IRunConsumer<ReturnApproved>,
    IRunConsumer<ReturnRejected>,
    IRunConsumer<ReturnReceived>,
    IRunConsumer<ReturnCompleted>,
    IRunConsumer<ReturnExpiring>,
    IRunConsumer<ReturnExpired>,
    IRunConsumer<ReturnCancelled>
{
    /// <summary>Not a webhook event name of the API: the customer is told, subscribers are not.</summary>
    private const string CancelledType = "return.cancelled";

    public Task HandleAsync(ReturnRequested integrationEvent, CancellationToken cancellationToken) =>
        WriteAsync(integrationEvent, WebhookEventTypes.ReturnRequested, "return.requested", integrationEvent.Return, null,
            [("refundEstimate", Money(integrationEvent.Return.RefundEstimate, integrationEvent.Return.Currency))], cancellationToken);

    public async Task HandleAsync(ReturnApproved integrationEvent, CancellationToken cancellationToken)
    {
        var rma = integrationEvent.Return;
        var facts = new List<(string, object)>();
        if (integrationEvent.LabelUrl is not null)
        {
            facts.Add(("labelUrl", await links.UrlForAsync(rma.RmaNumber, cancellationToken)));
        }

        if (rma.ShipBy is { } shipBy)
        {
            facts.Add(("shipBy", shipBy));
        }

        if (rma.ExchangeSku is { } exchange)
        {
            facts.Add(("exchangeSku", exchange));
        }

        await WriteAsync(integrationEvent, WebhookEventTypes.ReturnApproved, integrationEvent.LabelUrl is null ? "return.approved_keep" : "return.approved",
            rma, new { labelUrl = integrationEvent.LabelUrl }, facts, cancellationToken);
    }

    public Task HandleAsync(ReturnRejected integrationEvent, CancellationToken cancellationToken) =>
        WriteAsync(integrationEvent, WebhookEventTypes.ReturnRejected, "return.rejected", integrationEvent.Return, new { reason = integrationEvent.Reason },
            [("reason", integrationEvent.Reason)], cancellationToken);

    public Task HandleAsync(ReturnReceived integrationEvent, CancellationToken cancellationToken) =>
        WriteAsync(integrationEvent, WebhookEventTypes.ReturnReceived, "return.received", integrationEvent.Return, null, [], cancellationToken);

    public Task HandleAsync(ReturnCompleted integrationEvent, CancellationToken cancellationToken)
    {
        var currency = integrationEvent.Return.Currency;
        var facts = new List<(string, object)>();
        if (integrationEvent.RefundAmount is { } refund)
        {
            facts.Add(("refundAmount", Money(refund, currency)));
        }

        if (integrationEvent.StoreCreditAmount is { } credit)
        {
            facts.Add(("storeCreditAmount", Money(credit, currency)));
        }

        if (integrationEvent.ExchangeOrderNumber is { } exchange)
        {
            facts.Add(("exchangeOrderNumber", exchange));
        }

        return WriteAsync(integrationEvent, WebhookEventTypes.ReturnCompleted, "return.completed", integrationEvent.Return,
            new { refundAmount = integrationEvent.RefundAmount, storeCreditAmount = integrationEvent.StoreCreditAmount, exchangeOrderNumber = integrationEvent.ExchangeOrderNumber },
            facts, cancellationToken);
    }

    public async Task HandleAsync(ReturnExpiring integrationEvent, CancellationToken cancellationToken)
    {
        var rma = integrationEvent.Return;
        // The reminder asks for the parcel, so it carries the label link again.
        var facts = new List<(string, object)> { ("labelUrl", await links.UrlForAsync(rma.RmaNumber, cancellationToken)) };
        if (rma.ShipBy is { } shipBy)
        {
            facts.Add(("shipBy", shipBy));
        }

        await WriteAsync(integrationEvent, WebhookEventTypes.ReturnExpiring, "return.expiring", rma, null, facts, cancellationToken);
    }

    public Task HandleAsync(ReturnExpired integrationEvent, CancellationToken cancellationToken) =>
        WriteAsync(integrationEvent, WebhookEventTypes.ReturnExpired, "return.expired", integrationEvent.Return, null, [], cancellationToken);

    public Task HandleAsync(ReturnCancelled integrationEvent, CancellationToken cancellationToken) =>
        WriteAsync(integrationEvent, CancelledType, "return.cancelled", integrationEvent.Return, null, [], cancellationToken);

    private Task WriteAsync(IIntegrationEvent integrationEvent, string type, string template, ReturnSnapshot rma, object? extra,
        IReadOnlyList<(string Label, object Value)> facts, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            new NotifiableEvent(
                new WebhookEvent(integrationEvent.Id, type, integrationEvent.OccurredAt, new { @return = rma, details = extra }),
                new CustomerEmail(
                    template,
                    rma.CustomerEmail,
                    rma.CustomerName,
                    rma.Locale,
                    new MessageReference(rma.Storefront, rma.OrderId, rma.OrderNumber, rma.ReturnId, rma.RmaNumber),
                    facts,
                    rma.Lines.Select(l => (l.Sku, l.Quantity)).ToList())),
            cancellationToken);

    private static string Money(decimal amount, string currency) =>
        $"{amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} {currency}";
}
