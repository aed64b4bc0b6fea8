using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Returns;

public sealed class PortalTests(ReturnsApp app) : IntegrationTest<ReturnsApp>(app)
{
    private static Task<HttpResponseMessage> OpenAsync(HttpClient client, ReturnScenario.DeliveredOrder order, string email) =>
        client.PostAsJsonAsync("/api/v1/portal/sessions", new { orderNumber = order.Number, email });

    private async Task<HttpClient> CustomerAsync(HttpClient client, ReturnScenario.DeliveredOrder order, string email)
    {
        var session = await (await OpenAsync(client, order, email)).ShouldBeAsync(HttpStatusCode.Created);
        session.GetProperty("orderId").GetGuid().ShouldBe(order.Id);
        var customer = App.Anonymous();
        customer.DefaultRequestHeaders.Add("X-Portal-Token", session.GetProperty("token").GetString());
        return customer;
    }

    [Fact]
    public async Task A_portal_token_opens_its_own_orders_returns_and_nothing_else()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        var ada = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 2)]);
        var bob = await scenario.DeliveredOrderAsync("bob@example.com", null, [("TEE", 1)]);
        var bobsReturn = await scenario.ReturnAsync(bob, "Refund", [("TEE", 1, "TooSmall")]);

        await (await OpenAsync(scenario.Staff, ada, "bob@example.com")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var customer = await CustomerAsync(scenario.Staff, ada, " Ada@Example.com ");

        (await scenario.ReturnableLineAsync(ada, "TEE", customer)).GetProperty("returnableQuantity").GetInt32().ShouldBe(2);
        await (await customer.GetAsync($"/api/v1/orders/{bob.Id}/returnable-lines")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var created = await (await scenario.RequestAsync(ada, "Refund", [("TEE", 1, "TooLarge")], client: customer)).ShouldBeAsync(HttpStatusCode.Created);
        created.GetProperty("customerEmail").GetString().ShouldBe("ada@example.com");
        var read = await (await customer.GetAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(created)}")).ShouldBeAsync(HttpStatusCode.OK);
        read.GetProperty("rmaNumber").GetString().ShouldBe(created.GetProperty("rmaNumber").GetString());
        var mine = await (await customer.GetAsync(ReturnScenario.Returns)).ShouldBeAsync(HttpStatusCode.OK);
        mine.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("rmaNumber").GetString()).ShouldBe([created.GetProperty("rmaNumber").GetString()]);
        var timeline = await scenario.TimelineAsync(created, customer);
        timeline[0].GetProperty("actor").GetString().ShouldBe("customer:ada@example.com");

        await (await scenario.RequestAsync(bob, "Refund", [("TEE", 1, "TooLarge")], client: customer)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await customer.GetAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(bobsReturn)}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await customer.GetAsync($"/api/v1/orders/{ada.Id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await customer.GetAsync("/api/v1/return-policy")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await customer.PostAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(created)}/approve", null)).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await customer.PostAsJsonAsync($"{ReturnScenario.Returns}/{ReturnScenario.Id(created)}/reject", new { reason = "no" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await scenario.ScanAsync(created, customer)).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await scenario.GetAsync(created)).GetProperty("status").GetString().ShouldBe("Requested");
    }

    [Fact]
    public async Task A_storefront_key_opens_sessions_only_for_its_own_orders_and_a_token_expires()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("TEE", 10));
        using var eu = await App.ClientForRoleAsync("storefront", "eu");
        var euOrder = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 1)], storefront: "eu");
        var usOrder = await scenario.DeliveredOrderAsync("ada@example.com", null, [("TEE", 1)], storefront: "us");

        await (await OpenAsync(eu, usOrder, "ada@example.com")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var customer = await CustomerAsync(eu, euOrder, "ada@example.com");
        (await scenario.ReturnableLineAsync(euOrder, "TEE", customer)).GetProperty("eligible").GetBoolean().ShouldBeTrue();

        App.Clock.Advance(TimeSpan.FromHours(3));
        await (await customer.GetAsync($"/api/v1/orders/{euOrder.Id}/returnable-lines")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
