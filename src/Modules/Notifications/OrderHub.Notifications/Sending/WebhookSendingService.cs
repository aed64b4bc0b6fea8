using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// Sends due webhook deliveries on a loop of their own, one lane per subscription: a lane sends its
/// subscription's deliveries one after another, in the order they fell due, and up to
/// <see cref="WebhookOptions.MaxConcurrentSubscriptions"/> lanes run at once. A receiver that answers slowly, or
/// not before the timeout, holds up only its own deliveries, never another subscription's or an email.
/// </summary>
internal sealed class WebhookSendingService(
    DeliverySignal<WebhookDelivery> signal,
    OutgoingMessageSender sender,
    IServiceScopeFactory scopeFactory,
    WebhookOptions options,
    TimeProvider clock,
    ILogger<WebhookSendingService> logger) : SendingLoop<WebhookDelivery>(signal, logger)
{
    // Touched only by the loop: a lane reports its end through the signal, never by changing this.
    private readonly Dictionary<Guid, Task> _lanes = [];

    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        foreach (var ended in _lanes.Where(l => l.Value.IsCompleted).Select(l => l.Key).ToList())
        {
            _lanes.Remove(ended);
        }

        var free = options.MaxConcurrentSubscriptions - _lanes.Count;
        if (free <= 0)
        {
            return;
        }

        foreach (var subscriptionId in await DueSubscriptionsAsync(_lanes.Keys.ToList(), free, stoppingToken))
        {
            var lane = Task.Run(() => RunLaneAsync(subscriptionId, stoppingToken), CancellationToken.None);
            _lanes[subscriptionId] = lane;
            // Once the lane has ended, the loop frees its place and starts whatever waited for one.
            _ = lane.ContinueWith(_ => Signal.Nudge(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    protected override Task StoppingAsync() => Task.WhenAll(_lanes.Values);

    /// <summary>Subscriptions with a due delivery and no lane yet, the longest waiting first.</summary>
    private async Task<List<Guid>> DueSubscriptionsAsync(List<Guid> busy, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().WebhookDeliveries.AsNoTracking()
            .Where(OutgoingMessage.DueAt<WebhookDelivery>(clock.GetUtcNow().UtcDateTime))
            .Where(d => !busy.Contains(d.SubscriptionId))
            .GroupBy(d => d.SubscriptionId)
            .Select(g => new { SubscriptionId = g.Key, FirstDue = g.Min(d => d.NextAttemptAt) })
            .OrderBy(s => s.FirstDue)
            .Select(s => s.SubscriptionId)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sends one subscription's due deliveries one at a time until none is due.</summary>
    private async Task RunLaneAsync(Guid subscriptionId, CancellationToken stoppingToken)
    {
        try
        {
            IReadOnlyList<Guid> due;
            while ((due = await sender.DueAsync<WebhookDelivery>(q => q.Where(d => d.SubscriptionId == subscriptionId), stoppingToken)).Count > 0)
            {
                foreach (var id in due)
                {
                    await sender.TrySendAsync<WebhookDelivery>(id, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Its deliveries stay due; the next round starts a new lane for them.
            logger.LogWarning(exception, "Sending the webhook deliveries of subscription {SubscriptionId} failed", subscriptionId);
        }
    }
}
