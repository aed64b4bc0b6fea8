namespace OrderHub.Orders.Domain;

internal sealed record Customer(string Email, string Name, string Locale, string? Segment);
