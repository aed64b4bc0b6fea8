namespace OrderHub.Notifications.Contracts;

/// <summary>A new webhook subscription.</summary>
/// <param name="Url">Absolute http or https URL that receives a POST per event.</param>
/// <param name="Events">Event names from the API contract, e.g. <c>order.confirmed</c>.</param>
/// <param name="Secret">Shared secret (16 to 200 characters) for the <c>X-OrderHub-Signature</c> HMAC-SHA256.</param>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Secret);
