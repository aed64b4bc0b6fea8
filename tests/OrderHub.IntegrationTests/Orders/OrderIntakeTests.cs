using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using static OrderHub.IntegrationTests.Orders.OrderRequests;

namespace OrderHub.IntegrationTests.Orders;

public sealed class OrderIntakeTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Placing_an_order_reserves_every_line_and_answers_with_a_number()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10), ("CAP", 5));

        var response = await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 3), ("CAP", 2), ("TEE-S", 1)));
        var order = await response.ShouldBeAsync(HttpStatusCode.Created);

        order.GetProperty("status").GetString().ShouldBe("Confirmed");
        order.GetProperty("number").GetString()!.ShouldMatch(@"^OH-\d{6}$");
        order.GetProperty("lines").GetArrayLength().ShouldBe(3);
        order.GetProperty("lines")[0].GetProperty("id").GetGuid().ShouldNotBe(Guid.Empty);
        order.GetProperty("total").GetDecimal().ShouldBe(6 * 19.99m);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/orders/{order.GetProperty("id").GetGuid()}");
        response.Headers.ETag.ShouldNotBeNull();

        var tee = await StockSetup.StockAsync(staff, "TEE-S");
        tee.GetProperty("onHand").GetInt32().ShouldBe(10);
        tee.GetProperty("reserved").GetInt32().ShouldBe(4);
        tee.GetProperty("available").GetInt32().ShouldBe(6);
        (await StockSetup.StockAsync(staff, "CAP")).GetProperty("reserved").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Order_numbers_are_unique_and_increasing()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var order = await (await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 1)))).ShouldBeAsync(HttpStatusCode.Created);
            numbers.Add(order.GetProperty("number").GetString()!);
        }

        numbers.Distinct().Count().ShouldBe(3);
        numbers.ShouldBe(numbers.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_short_line_is_409_listing_each_short_sku_and_nothing_is_reserved()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10), ("CAP", 1), ("MUG", 0));

        var response = await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 3), ("CAP", 2), ("MUG", 4)));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("code").GetString().ShouldBe("insufficient-stock");
        var shortages = problem.GetProperty("shortages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("sku").GetString()!, s => (s.GetProperty("requested").GetInt32(), s.GetProperty("available").GetInt32()));
        shortages.Keys.Order().ShouldBe(["CAP", "MUG"]);
        shortages["CAP"].ShouldBe((2, 1));
        shortages["MUG"].ShouldBe((4, 0));

        (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("reserved").GetInt32().ShouldBe(0);
        (await StockSetup.StockAsync(staff, "CAP")).GetProperty("reserved").GetInt32().ShouldBe(0);
        var list = await (await staff.GetAsync("/api/v1/orders")).ShouldBeAsync(HttpStatusCode.OK);
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await App.OutboxAsync("orders")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_orders_are_400_with_errors_per_field()
    {
        using var staff = App.Admin();
        var response = await staff.PostAsJsonAsync("/api/v1/orders", new
        {
            customer = new { email = "not-an-email", name = "" },
            shippingAddress = new { line1 = "x", city = "Paris", postalCode = "75002", country = "France" },
            currency = "euro",
            lines = new[] { new { sku = "TEE-S", quantity = 0, unitPrice = -1m } },
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "customer.email", "customer.name", "currency", "shippingAddress.country", "lines[0].quantity", "lines[0].unitPrice" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue($"expected an error for {field} in {errors}");
        }

        await (await staff.PostAsJsonAsync("/api/v1/orders", new { currency = "EUR" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await staff.PostAsync("/api/v1/orders", new StringContent("{\"lines\": \"many\"}", Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Twenty_concurrent_replays_of_one_idempotency_key_create_one_order_and_one_reservation()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        var body = JsonSerializer.Serialize(Order(("TEE-S", 2)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "order-key-1");
            return staff.SendAsync(request);
        }));

        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            ids.Add((await response.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        ids.Count.ShouldBe(1);
        (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("reserved").GetInt32().ShouldBe(2);
        (await (await staff.GetAsync("/api/v1/orders")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32().ShouldBe(1);

        var changed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(Order(("TEE-S", 3))) };
        changed.Headers.Add("Idempotency-Key", "order-key-1");
        await (await staff.SendAsync(changed)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("reserved").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_replayed_order_carries_the_ETag_of_the_first_answer_which_If_Match_accepts()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        var body = JsonSerializer.Serialize(Order(("TEE-S", 2)));
        HttpRequestMessage Place()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "order-etag-1");
            return request;
        }

        var first = await staff.SendAsync(Place());
        var order = await first.ShouldBeAsync(HttpStatusCode.Created);
        var etag = first.Headers.ETag!.Tag;

        var replay = await staff.SendAsync(Place());
        await replay.ShouldBeAsync(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        replay.Headers.ETag.ShouldNotBeNull("a replay is the first answer, its ETag included");
        replay.Headers.ETag!.Tag.ShouldBe(etag);

        // The client that only saw the replay can make the next change with it.
        var id = order.GetProperty("id").GetGuid();
        object Ship() => new { lines = new[] { new { orderLineId = order.GetProperty("lines")[0].GetProperty("id").GetGuid(), quantity = 1 } } };
        var shipped = await staff.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/orders/{id}/shipments", Ship(), replay.Headers.ETag.Tag));
        await shipped.ShouldBeAsync(HttpStatusCode.Created);

        // A later replay is still the first answer: its ETag is now stale, and If-Match with it is refused.
        var late = await staff.SendAsync(Place());
        late.Headers.ETag!.Tag.ShouldBe(etag);
        var stale = await staff.SendAsync(WithIfMatch(HttpMethod.Post, $"/api/v1/orders/{id}/shipments", Ship(), late.Headers.ETag.Tag));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_confirmed_order_publishes_what_returns_and_notifications_need()
    {
        using var staff = App.Admin();
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10));
        var order = await (await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 2)))).ShouldBeAsync(HttpStatusCode.Created);

        var payload = (await App.OutboxAsync("orders")).Single(m => m.Type.EndsWith("OrderConfirmed", StringComparison.Ordinal)).Payload;
        var snapshot = JsonDocument.Parse(payload).RootElement.GetProperty("order");
        snapshot.GetProperty("number").GetString().ShouldBe(order.GetProperty("number").GetString());
        snapshot.GetProperty("customer").GetProperty("email").GetString().ShouldBe("buyer@example.com");
        snapshot.GetProperty("customer").GetProperty("locale").GetString().ShouldBe("fr");
        snapshot.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal().ShouldBe(19.99m);
    }
}
