using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;
using OrderHub.Notifications.WebhookTargets;

namespace OrderHub.Notifications.Sending;

/// <summary>POSTs a webhook delivery, signed, to its subscription's URL; any 2xx answer delivers it.</summary>
internal sealed class WebhookChannel(
    NotificationsDbContext db,
    IHttpClientFactory httpClients,
    WebhookOptions schedule,
    TimeProvider clock,
    ILogger<WebhookChannel> logger) : IOutgoingChannel<WebhookDelivery>
{
    public const string EventHeader = "X-OrderHub-Event";
    public const string DeliveryHeader = "X-OrderHub-Delivery";

    public bool Enabled => true;

    public async Task SendAsync(WebhookDelivery message, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == message.SubscriptionId, cancellationToken);
        if (!subscription.Active)
        {
            message.Abandon("The subscription was deactivated.");
            return;
        }

        var body = Encoding.UTF8.GetBytes(message.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(EventHeader, message.EventType);
        request.Headers.Add(DeliveryHeader, message.Id.ToString());
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(subscription.Secret, body));

        int? responseCode = null;
        string? error = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await httpClients.CreateClient(WebhookOptions.HttpClientName).SendAsync(request, cancellationToken);
            responseCode = (int)response.StatusCode;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Webhook delivery {DeliveryId} to {Url} failed: {Error}", message.Id, subscription.Url, exception.Message);
            // A refused target was never connected to: its reason names the address, never the state of a port.
            error = Refusal(exception) is { } refused
                ? $"Refused before connecting: {refused.Message}"
                : exception is TaskCanceledException
                    ? $"The receiver did not answer within {schedule.Timeout.TotalSeconds:0.#} s."
                    : $"{exception.GetType().Name}: {exception.Message}";
        }

        message.RecordResponse(responseCode, error, Stopwatch.GetElapsedTime(started), clock.GetUtcNow().UtcDateTime, schedule);
    }

    private static WebhookTargetRefusedException? Refusal(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is WebhookTargetRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
