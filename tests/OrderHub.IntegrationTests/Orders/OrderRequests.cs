using System.Net.Http.Json;

namespace OrderHub.IntegrationTests.Orders;

internal static class OrderRequests
{
    public static object Order(params (string Sku, int Quantity)[] lines) => Order("buyer@example.com", null, lines);

    public static object Order(string email, string? storefront, params (string Sku, int Quantity)[] lines) => CustomerOrder(email, storefront, "loyal", lines);

    public static object CustomerOrder(string email, string? storefront, string? segment, IEnumerable<(string Sku, int Quantity)> lines) => new
    {
        storefront,
        externalReference = "EXT-" + Guid.NewGuid().ToString("N")[..8],
        customer = new { email, name = "Ada Buyer", locale = "fr", segment },
        shippingAddress = new { name = "Ada Buyer", line1 = "3 rue de la Paix", city = "Paris", postalCode = "75002", country = "FR" },
        currency = "EUR",
        lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, unitPrice = 19.99m }).ToArray(),
    };

    public static HttpRequestMessage WithIfMatch(HttpMethod method, string url, object? body, string? etag)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return request;
    }
}
