namespace OrderHub.Orders.Contracts;

/// <summary>A new order from a storefront or the back office.</summary>
/// <param name="Storefront">Storefront code; a storefront key may only name its own (or leave it empty).</param>
/// <param name="ExternalReference">The storefront's own order reference.</param>
/// <param name="Customer">Who ordered.</param>
/// <param name="ShippingAddress">Where the parcel goes.</param>
/// <param name="Currency">ISO-4217 code such as <c>EUR</c>.</param>
/// <param name="Lines">At least one line; every line's stock is reserved, or none is.</param>
public sealed record PlaceOrderRequest(
    string? Storefront,
    string? ExternalReference,
    CustomerRequest? Customer,
    AddressRequest? ShippingAddress,
    string? Currency,
    IReadOnlyList<OrderLineRequest>? Lines);

/// <summary>The ordering customer.</summary>
public sealed record CustomerRequest(string? Email, string? Name, string? Locale, string? Segment);

/// <summary>A postal address; <c>country</c> is an ISO-3166 alpha-2 code.</summary>
public sealed record AddressRequest(string? Name, string? Line1, string? Line2, string? City, string? PostalCode, string? Region, string? Country);

/// <summary>One ordered SKU.</summary>
public sealed record OrderLineRequest(string? Sku, int? Quantity, decimal? UnitPrice);
