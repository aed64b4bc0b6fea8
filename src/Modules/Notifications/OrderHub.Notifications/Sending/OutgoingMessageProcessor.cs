using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications.Sending;

/// <summary>
/// Sends due emails and webhook deliveries. Each message is claimed with a conditional update that sets a
/// lease, so two senders (the nudge and the poll, or two instances) never send it at the same time; the
/// attempt is recorded afterwards. A crash between sending and recording leaves the lease to expire, and
/// the message is sent once more with the same Message-ID / X-OrderHub-Delivery for the receiver to drop.
/// </summary>
internal sealed class OutgoingMessageProcessor(
    IServiceScopeFactory scopeFactory,
    NotificationOptions options,
    TimeProvider clock,
    ILogger<OutgoingMessageProcessor> logger)
{
    /// <summary>Sends what is due on every channel; returns how many messages were attempted.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken) =>
        await ProcessDueAsync<Notification>(cancellationToken) + await ProcessDueAsync<WebhookDelivery>(cancellationToken);

    private async Task<int> ProcessDueAsync<T>(CancellationToken cancellationToken)
        where T : OutgoingMessage
    {
        List<Guid> due;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            if (!scope.ServiceProvider.GetRequiredService<IOutgoingChannel<T>>().Enabled)
            {
                return 0;
            }

            due = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Set<T>().AsNoTracking()
                .Where(Due<T>(clock.GetUtcNow().UtcDateTime))
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => m.Id)
                .Take(options.BatchSize)
                .ToListAsync(cancellationToken);
        }

        var attempted = 0;
        foreach (var id in due)
        {
            try
            {
                if (await SendAsync<T>(id, cancellationToken))
                {
                    attempted++;
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The lease runs out and a later round tries again.
                logger.LogWarning(exception, "Sending {Kind} {MessageId} failed before its attempt was recorded", typeof(T).Name, id);
            }
        }

        return attempted;
    }

    private async Task<bool> SendAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : OutgoingMessage
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseEnd = now + options.Lease;
        var claimed = await unitOfWork.ExecuteAsync(ct => db.Set<T>()
            .Where(m => m.Id == id)
            .Where(Due<T>(now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), ct), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var message = await db.Set<T>().SingleAsync(m => m.Id == id, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<IOutgoingChannel<T>>().SendAsync(message, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static Expression<Func<T, bool>> Due<T>(DateTime now)
        where T : OutgoingMessage =>
        m => m.Status == DeliveryStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now);
}
