namespace OrderHub.Notifications.Publishing;

/// <summary>
/// What one integration event becomes: a webhook event for every subscription that asked for its type and,
/// when it concerns a customer, an email. Each consumer translates its module's events into this.
/// </summary>
internal sealed record NotifiableEvent(WebhookEvent Webhook, CustomerEmail? Email);
