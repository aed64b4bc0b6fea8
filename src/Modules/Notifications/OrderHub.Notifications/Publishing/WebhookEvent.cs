namespace OrderHub.Notifications.Publishing;

/// <summary>The webhook body <c>{id, type, occurredAt, data}</c>; the id is the integration event's id.</summary>
internal sealed record WebhookEvent(Guid Id, string Type, DateTime OccurredAt, object Data);
