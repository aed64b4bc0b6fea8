using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Templates;

/// <summary>
/// What an email says beyond its template: who it is for, what it is about, and the details to list as
/// label keys (from the language files' <c>labels</c>) and values; dates are formatted in the message's language.
/// </summary>
internal sealed record EmailModel(string RecipientName, MessageReference Reference, IReadOnlyList<(string Label, object Value)> Facts, IReadOnlyList<(string Sku, int Quantity)> Items);
