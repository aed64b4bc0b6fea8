using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Persistence;

namespace OrderHub.Notifications;

/// <summary>
/// The active webhook subscriptions, read once instead of for every event (ADR 0013). Creating or deactivating a
/// subscription drops the copy when its transaction ends.
/// </summary>
internal sealed class ActiveSubscriptionsCache(DatabaseOptions database)
    : CommittedStateCache<string, IReadOnlyList<WebhookSubscription>>(database.CacheCommittedState)
{
    private const string Key = "active";

    public Task<IReadOnlyList<WebhookSubscription>> GetAsync(NotificationsDbContext db, CancellationToken cancellationToken) =>
        GetOrLoadAsync(Key, async ct => await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(ct), cancellationToken);

    public void DropWhenEnded(UnitOfWork unitOfWork) => InvalidateWhenEnded(unitOfWork, Key);
}
