using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Notifications.Domain;

/// <summary>A receiver of signed webhook deliveries for a set of event names.</summary>
internal sealed class WebhookSubscription : AggregateRoot<Guid>
{
    private const char Separator = ',';

    private WebhookSubscription()
    {
    }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Event names, comma separated: few and short, and always read together.</summary>
    public string Events { get; private set; } = string.Empty;

    /// <summary>Kept in clear: every delivery is signed with it.</summary>
    public string Secret { get; private set; } = string.Empty;

    public bool Active { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? DeactivatedAt { get; private set; }

    public IReadOnlyList<string> EventList => Events.Split(Separator, StringSplitOptions.RemoveEmptyEntries);

    public static WebhookSubscription Create(string url, IEnumerable<string> events, string secret, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Url = url,
        Events = string.Join(Separator, events.Distinct(StringComparer.Ordinal)),
        Secret = secret,
        Active = true,
        CreatedAt = now,
    };

    public bool Wants(string eventType) => Active && EventList.Contains(eventType, StringComparer.Ordinal);

    public void Deactivate(DateTime now)
    {
        if (!Active)
        {
            return;
        }

        Active = false;
        DeactivatedAt = now;
    }
}
