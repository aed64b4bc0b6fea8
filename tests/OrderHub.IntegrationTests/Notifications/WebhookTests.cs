using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Notifications;

public sealed class WebhookTests(NotificationsApp app) : IntegrationTest<NotificationsApp>(app)
{
    private async Task<Guid> SubscribeAsync(WebhookReceiver receiver, params string[] events)
    {
        using var admin = App.Admin();
        var created = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events, secret = receiver.Secret }))
            .ShouldBeAsync(HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private async Task<List<JsonElement>> DeliveriesAsync(Guid subscriptionId)
    {
        using var admin = App.Admin();
        var page = await (await admin.GetAsync($"/api/v1/webhooks/{subscriptionId}/deliveries")).ShouldBeAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<JsonElement> DeliveryInStatusAsync(Guid subscriptionId, string status, TimeSpan? timeout = null)
    {
        await Eventually.HoldsAsync(
            async () => (await DeliveriesAsync(subscriptionId)).Any(d => d.GetProperty("status").GetString() == status),
            $"a delivery of subscription {subscriptionId} is {status}",
            timeout);
        return (await DeliveriesAsync(subscriptionId)).First(d => d.GetProperty("status").GetString() == status);
    }

    [Fact]
    public async Task Subscribing_needs_an_absolute_http_url_known_event_names_and_a_secret()
    {
        using var admin = App.Admin();
        var invalid = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new
        {
            url = "ftp://partner.example/hooks",
            events = new[] { "order.confirmed", "order.exploded" },
            secret = "short",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = invalid.GetProperty("errors");
        errors.GetProperty("url").GetArrayLength().ShouldBe(1);
        errors.GetProperty("events[1]")[0].GetString()!.ShouldContain("order.exploded");
        errors.GetProperty("secret").GetArrayLength().ShouldBe(1);
        errors.TryGetProperty("events[0]", out _).ShouldBeFalse();

        var empty = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "/relative", events = Array.Empty<string>(), secret = "0123456789abcdef" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        empty.GetProperty("errors").GetProperty("url").GetArrayLength().ShouldBe(1);
        empty.GetProperty("errors").GetProperty("events").GetArrayLength().ShouldBe(1);

        var future = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new
        {
            url = "https://partner.example/hooks",
            events = new[] { "return.approved", "return.expired", "stock.changed", "stock.low" },
            secret = "0123456789abcdef",
        })).ShouldBeAsync(HttpStatusCode.Created);
        future.GetProperty("events").GetArrayLength().ShouldBe(4);
        future.GetProperty("active").GetBoolean().ShouldBeTrue();
        future.TryGetProperty("secret", out _).ShouldBeFalse("the secret is never shown back");

        using var partner = await App.ClientForRoleAsync("partner");
        await (await partner.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://x.example", events = new[] { "order.confirmed" }, secret = "0123456789abcdef" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.GetAsync("/api/v1/webhooks")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_subscriber_receives_each_subscribed_event_signed_with_event_and_delivery_headers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver, "order.confirmed", "order.shipped");
        var order = OrderEventFactory.Order($"hook-{Guid.NewGuid():N}@example.test");
        var confirmed = OrderEventFactory.Confirmed(order);
        await App.PublishAsync(confirmed);
        await App.PublishAsync(OrderEventFactory.Delivered(order));
        await App.PublishAsync(OrderEventFactory.Shipped(order));

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Processed.Count == 2), "both subscribed events arrive");
        receiver.Requests.Count.ShouldBe(2, "order.delivered was not subscribed to");
        receiver.Requests.ShouldAllBe(r => r.SignatureValid);
        receiver.Requests.ShouldAllBe(r => r.Signature.StartsWith("sha256=") && r.Signature.Length == 71);
        receiver.Requests.ShouldAllBe(r => r.ContentType.StartsWith("application/json"));

        var first = receiver.Requests.Single(r => r.EventType == "order.confirmed");
        var body = JsonDocument.Parse(first.Body).RootElement;
        body.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "type", "occurredAt", "data"]);
        body.GetProperty("id").GetGuid().ShouldBe(confirmed.Id);
        body.GetProperty("type").GetString().ShouldBe("order.confirmed");
        body.GetProperty("occurredAt").GetDateTime().ShouldBe(confirmed.OccurredAt, TimeSpan.FromMilliseconds(1));
        body.GetProperty("data").GetProperty("order").GetProperty("number").GetString().ShouldBe(order.Number);
        body.GetProperty("data").GetProperty("order").GetProperty("customer").GetProperty("email").GetString().ShouldBe(order.Customer.Email);
        var shipped = JsonDocument.Parse(receiver.Requests.Single(r => r.EventType == "order.shipped").Body).RootElement;
        shipped.GetProperty("data").GetProperty("shipment").GetProperty("trackingNumber").GetString().ShouldBe("6A12345678901");

        await Eventually.HoldsAsync(
            async () => (await DeliveriesAsync(subscription)).Count(d => d.GetProperty("status").GetString() == "Sent") == 2,
            "both deliveries are recorded as sent");
        var deliveries = await DeliveriesAsync(subscription);
        deliveries.Select(d => d.GetProperty("id").GetGuid().ToString()).ShouldBe(receiver.Requests.Select(r => r.DeliveryId), ignoreOrder: true);
    }

    [Fact]
    public async Task A_receiver_that_fails_three_times_then_succeeds_gets_the_event_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 3);
        var subscription = await SubscribeAsync(receiver, "order.cancelled");
        var cancelled = OrderEventFactory.Cancelled(OrderEventFactory.Order($"retry-{Guid.NewGuid():N}@example.test"), "Out of stock");
        await App.PublishAsync(cancelled);

        var delivery = await DeliveryInStatusAsync(subscription, "Sent");
        receiver.Processed.ShouldHaveSingleItem().EventType.ShouldBe("order.cancelled");
        receiver.Requests.Count.ShouldBe(4);
        receiver.Requests.Select(r => r.DeliveryId).Distinct().ShouldHaveSingleItem().ShouldBe(delivery.GetProperty("id").GetGuid().ToString());
        receiver.Requests.Select(r => r.Body).Distinct().Count().ShouldBe(1, "every retry carries the same body");

        delivery.GetProperty("eventId").GetGuid().ShouldBe(cancelled.Id);
        delivery.GetProperty("eventType").GetString().ShouldBe("order.cancelled");
        delivery.GetProperty("attempts").GetInt32().ShouldBe(4);
        delivery.GetProperty("lastResponseCode").GetInt32().ShouldBe(200);
        delivery.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.Null);
        delivery.GetProperty("deliveredAt").ValueKind.ShouldBe(JsonValueKind.String);
        var attempts = delivery.GetProperty("attemptLog").EnumerateArray().ToList();
        attempts.Select(a => a.GetProperty("responseCode").GetInt32()).ShouldBe([500, 500, 500, 200]);
        attempts.Select(a => a.GetProperty("number").GetInt32()).ShouldBe([1, 2, 3, 4]);
        var times = attempts.Select(a => a.GetProperty("attemptedAt").GetDateTime()).ToList();
        // Backoff doubles from 100 ms, capped at 300 ms (NotificationsApp). The 200 ms poll can only add to each gap,
        // so each gap is at least its scheduled delay: comparing gaps with each other would measure the poll instead.
        TimeSpan[] scheduled = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)];
        for (var i = 0; i < scheduled.Length; i++)
        {
            (times[i + 1] - times[i]).ShouldBeGreaterThanOrEqualTo(scheduled[i] - TimeSpan.FromMilliseconds(5), $"retry {i + 1} waits its backoff");
        }
    }

    [Fact]
    public async Task Manual_redelivery_sends_the_same_delivery_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver, "order.confirmed");
        await App.PublishAsync(OrderEventFactory.Confirmed(OrderEventFactory.Order($"again-{Guid.NewGuid():N}@example.test")));
        var delivery = await DeliveryInStatusAsync(subscription, "Sent");
        var deliveryId = delivery.GetProperty("id").GetGuid();

        using var staff = await App.ClientForRoleAsync("staff");
        var accepted = await (await staff.PostAsync($"/api/v1/webhooks/{subscription}/deliveries/{deliveryId}/redeliver", null))
            .ShouldBeAsync(HttpStatusCode.Accepted);
        accepted.GetProperty("status").GetString().ShouldBe("Pending");

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Requests.Count == 2), "the delivery is sent again");
        receiver.Requests.Select(r => r.DeliveryId).Distinct().ShouldHaveSingleItem().ShouldBe(deliveryId.ToString());
        receiver.Processed.Count.ShouldBe(1, "the receiver drops the repeat by its delivery id");
        var redelivered = await DeliveryInStatusAsync(subscription, "Sent");
        redelivered.GetProperty("attempts").GetInt32().ShouldBe(2);

        await (await staff.PostAsync($"/api/v1/webhooks/{subscription}/deliveries/{Guid.NewGuid()}/redeliver", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_dead_once_the_retry_window_is_over()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: int.MaxValue);
        var subscription = await SubscribeAsync(receiver, "order.confirmed");
        await App.PublishAsync(OrderEventFactory.Confirmed(OrderEventFactory.Order($"dead-{Guid.NewGuid():N}@example.test")));

        var dead = await DeliveryInStatusAsync(subscription, "Dead", TimeSpan.FromSeconds(30));
        dead.GetProperty("attempts").GetInt32().ShouldBeGreaterThan(3);
        dead.GetProperty("lastResponseCode").GetInt32().ShouldBe(500);
        dead.GetProperty("lastError").GetString()!.ShouldContain("500");
        dead.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var lastAttempt = dead.GetProperty("attemptLog").EnumerateArray().Last().GetProperty("attemptedAt").GetDateTime();
        (lastAttempt - dead.GetProperty("createdAt").GetDateTime()).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3), "attempts go on for the whole retry window");
        receiver.Processed.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_deactivated_subscription_receives_nothing_more_and_stays_listed_without_its_secret()
    {
        await using var kept = await WebhookReceiver.StartAsync();
        await using var dropped = await WebhookReceiver.StartAsync();
        var keptId = await SubscribeAsync(kept, "order.confirmed");
        var droppedId = await SubscribeAsync(dropped, "order.confirmed");

        using var admin = App.Admin();
        (await admin.DeleteAsync($"/api/v1/webhooks/{droppedId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/v1/webhooks/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await App.PublishAsync(OrderEventFactory.Confirmed(OrderEventFactory.Order($"only-{Guid.NewGuid():N}@example.test")));

        await DeliveryInStatusAsync(keptId, "Sent");
        kept.Processed.Count.ShouldBe(1);
        dropped.Requests.ShouldBeEmpty();
        (await DeliveriesAsync(droppedId)).ShouldBeEmpty();

        var list = await (await admin.GetAsync("/api/v1/webhooks")).ShouldBeAsync(HttpStatusCode.OK);
        list.GetProperty("totalCount").GetInt32().ShouldBe(2);
        var listed = list.GetProperty("items").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetGuid());
        listed[keptId].GetProperty("active").GetBoolean().ShouldBeTrue();
        listed[droppedId].GetProperty("active").GetBoolean().ShouldBeFalse();
        listed[droppedId].GetProperty("deactivatedAt").ValueKind.ShouldBe(JsonValueKind.String);
        list.GetRawText().ShouldNotContain(dropped.Secret);

        var single = await admin.GetAsync($"/api/v1/webhooks/{keptId}");
        await single.ShouldBeAsync(HttpStatusCode.OK);
        single.Headers.ETag.ShouldNotBeNull();
    }

    [Fact]
    public async Task Subscribing_and_unsubscribing_apply_to_the_very_next_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await ConfirmedAndNotifiedAsync("before"); // read the subscriptions while there were none

        var id = await SubscribeAsync(receiver, "order.confirmed");
        await ConfirmedAndNotifiedAsync("during");
        await DeliveryInStatusAsync(id, "Sent");

        using var admin = App.Admin();
        (await admin.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ConfirmedAndNotifiedAsync("after");

        (await DeliveriesAsync(id)).Count.ShouldBe(1);
        receiver.Processed.Count.ShouldBe(1);
    }

    /// <summary>Publishes an OrderConfirmed and waits until Notifications has consumed it (its email is logged).</summary>
    private async Task ConfirmedAndNotifiedAsync(string name)
    {
        var order = OrderEventFactory.Order($"{name}-{Guid.NewGuid():N}@example.test");
        await App.PublishAsync(OrderEventFactory.Confirmed(order));
        using var admin = App.Admin();
        await Eventually.HoldsAsync(
            async () => (await (await admin.GetAsync($"/api/v1/notifications?orderId={order.OrderId}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32() > 0,
            $"the {name} order's confirmation is logged");
    }
}
