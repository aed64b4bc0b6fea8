namespace OrderHub.Notifications.Contracts;

/// <summary>A webhook subscription; the secret is never shown again.</summary>
public sealed record WebhookSubscriptionDto(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, DateTime CreatedAt, DateTime? DeactivatedAt);
