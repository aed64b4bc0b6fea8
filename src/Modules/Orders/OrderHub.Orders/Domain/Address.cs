namespace OrderHub.Orders.Domain;

internal sealed record Address(string? Name, string Line1, string? Line2, string City, string PostalCode, string? Region, string Country);
