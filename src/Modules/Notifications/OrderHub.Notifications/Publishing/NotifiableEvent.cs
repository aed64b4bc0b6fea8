using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Publishing;

/// <summary>
/// What one integration event becomes: a webhook event for every subscription that asked for its type and,
/// when it concerns a customer, an email. Each consumer translates its module's events into this.
/// </summary>
internal sealed record NotifiableEvent(WebhookEvent Webhook, CustomerEmail? Email);

/// <summary>The webhook body <c>{id, type, occurredAt, data}</c>; the id is the integration event's id.</summary>
internal sealed record WebhookEvent(Guid Id, string Type, DateTime OccurredAt, object Data);

/// <summary>An email to a customer from a template, in the customer's language; facts are label keys of the language files with their values.</summary>
internal sealed record CustomerEmail(
    string Template,
    string Email,
    string Name,
    string? Locale,
    MessageReference Reference,
    IReadOnlyList<(string Label, object Value)> Facts,
    IReadOnlyList<(string Sku, int Quantity)> Items);
