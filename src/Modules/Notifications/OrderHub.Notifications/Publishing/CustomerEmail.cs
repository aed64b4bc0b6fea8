using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Publishing;

/// <summary>An email to a customer from a template, in the customer's language; facts are label keys of the language files with their values.</summary>
internal sealed record CustomerEmail(
    string Template,
    string Email,
    string Name,
    string? Locale,
    MessageReference Reference,
    IReadOnlyList<(string Label, object Value)> Facts,
    IReadOnlyList<(string Sku, int Quantity)> Items);
